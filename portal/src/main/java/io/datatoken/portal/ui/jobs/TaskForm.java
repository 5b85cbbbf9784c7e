package io.datatoken.portal.ui.jobs;

import io.datatoken.portal.services.NewTask;

/** What the new task's field holds. */
public class TaskForm {

    private String description = "";

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    static boolean isValid(String description) {
        return NewTask.isValidDescription(description);
    }

    /** The request of a valid form. */
    NewTask toTask() {
        return new NewTask(description);
    }
}
