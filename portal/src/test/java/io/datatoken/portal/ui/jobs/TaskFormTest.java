package io.datatoken.portal.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.portal.services.NewTask;
import org.junit.jupiter.api.Test;

class TaskFormTest {

    @Test
    void aValidDescriptionBecomesTheRequestStripped() {
        TaskForm form = new TaskForm();
        form.setDescription("  joint risk features ");

        assertThat(TaskForm.isValid(form.getDescription())).isTrue();
        assertThat(form.toTask()).isEqualTo(new NewTask("joint risk features"));
    }

    @Test
    void anEmptyOrTooLongDescriptionIsRefusedBeforeAnyCall() {
        assertThat(TaskForm.isValid(new TaskForm().getDescription())).isFalse();
        assertThat(TaskForm.isValid(" ")).isFalse();
        assertThat(TaskForm.isValid("风".repeat(201))).isFalse();
        assertThat(TaskForm.isValid("风".repeat(200))).isTrue();
    }
}
