package io.datatoken.portal.ui.jobs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.portal.security.CurrentUser;
import io.datatoken.portal.services.Asset;
import io.datatoken.portal.services.AssetClient;
import io.datatoken.portal.services.AuthorizationStatusClient;
import io.datatoken.portal.services.Job;
import io.datatoken.portal.services.JobClient;
import io.datatoken.portal.services.NewTask;
import io.datatoken.portal.services.ResultClient;
import io.datatoken.portal.services.Task;
import io.datatoken.portal.ui.Formats;
import io.datatoken.portal.ui.MainLayout;
import io.datatoken.portal.ui.Panel;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * Tasks and jobs: a data user posts tasks; an algorithm provider submits one of its algorithm
 * assets as a job to a task, authorizes and starts it; both follow a job live ({@code jobs/<jobId>})
 * and, when it succeeded and is theirs, download its result. Every refusal of the job service
 * (e.g. {@code not-all-authorized}) shows in place, in the service's words.
 */
@Route(value = "jobs", layout = MainLayout.class)
@Dependent
public class JobsView extends VerticalLayout implements HasDynamicTitle, HasUrlParameter<String> {

    /** The task states the market knows (others show as they come). */
    private static final Set<String> TASK_STATES = Set.of("OPEN", "CLOSED");

    private final JobClient jobs;
    private final AssetClient assets;
    private final ResultClient results;
    private final AuthorizationStatusClient authorizations;
    private final Grid<Task> tasks = new Grid<>();
    private final Grid<Job> myJobs = new Grid<>();
    private final Select<Task> jobTask = new Select<>();
    private final Panel tasksPanel;
    private final Panel jobsPanel;
    private JobFollower follower;

    @Inject
    public JobsView(JobClient jobs, AssetClient assets, ResultClient results, AuthorizationStatusClient authorizations) {
        this.jobs = jobs;
        this.assets = assets;
        this.results = results;
        this.authorizations = authorizations;
        H2 title = new H2(getTranslation("jobs.title"));
        title.setId("view-title");
        add(title);
        tasksPanel = new Panel("tasks", getTranslation("jobs.tasks.title"));
        if (has(PlatformRole.DATA_USER)) {
            tasksPanel.with(taskForm());
        }
        tasksPanel.with(tasksGrid());
        tasksPanel.setWidthFull();
        add(tasksPanel);
        if (has(PlatformRole.ALGORITHM_PROVIDER)) {
            add(submitPanel());
        }
        jobsPanel = new Panel("jobs", getTranslation("jobs.mine.title"));
        jobsPanel.with(jobsGrid());
        jobsPanel.setWidthFull();
        add(jobsPanel);
        loadTasks();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.jobs"));
    }

    /** {@code jobs/<jobId>} follows that job below the lists. */
    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String jobId) {
        loadJobs();
        if (follower != null) {
            remove(follower);
            follower = null;
        }
        if (jobId != null && !jobId.isBlank()) {
            follower = new JobFollower(jobs, results, authorizations, jobId.strip(),
                    getTranslation("jobs.follow.title", Formats.shortHex(jobId.strip())));
            addComponentAtIndex(1, follower);
        }
    }

    private static boolean has(PlatformRole role) {
        return CurrentUser.find().map(user -> user.hasRole(role)).orElse(false);
    }

    private FlexLayout taskForm() {
        TaskForm form = new TaskForm();
        Binder<TaskForm> binder = new Binder<>();
        TextField description = new TextField(getTranslation("jobs.task.description"));
        description.setId("task-description");
        description.setPlaceholder(getTranslation("jobs.task.description.placeholder"));
        description.setHelperText(getTranslation("jobs.task.description.helper", NewTask.MAX_DESCRIPTION));
        description.setWidth("28em");
        binder.forField(description)
                .withValidator(TaskForm::isValid, getTranslation("jobs.task.description.invalid",
                        NewTask.MAX_DESCRIPTION))
                .bind(TaskForm::getDescription, TaskForm::setDescription);
        binder.setBean(form);
        Button create = new Button(getTranslation("jobs.task.create"), VaadinIcon.PLUS.create(), click -> {
            if (binder.validate().isOk()) {
                tasksPanel.problem().attempt(() -> jobs.createTask(form.toTask())).ifPresent(task -> {
                    form.setDescription("");
                    binder.refreshFields();
                    loadTasks();
                });
            }
        });
        create.setId("task-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout row = new FlexLayout(description, create);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        return row;
    }

    private Grid<Task> tasksGrid() {
        tasks.setId("tasks-grid");
        tasks.addColumn(Task::title).setHeader(getTranslation("jobs.task.description")).setFlexGrow(3);
        tasks.addColumn(t -> Formats.shortHex(t.taskId())).setHeader(getTranslation("jobs.task.id")).setAutoWidth(true);
        tasks.addColumn(t -> TASK_STATES.contains(t.state()) ? getTranslation("jobs.task.state." + t.state()) : t.state())
                .setHeader(getTranslation("job.state")).setAutoWidth(true);
        tasks.addColumn(t -> Formats.time(t.createdAt())).setHeader(getTranslation("jobs.task.created")).setAutoWidth(true);
        tasks.setEmptyStateText(getTranslation("jobs.tasks.none"));
        tasks.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        tasks.setHeight("14em");
        return tasks;
    }

    private Panel submitPanel() {
        Panel panel = new Panel("submit-job", getTranslation("jobs.submit.title"));
        jobTask.setId("job-task");
        jobTask.setLabel(getTranslation("jobs.submit.task"));
        jobTask.setItemLabelGenerator(t -> t.title() + " · " + Formats.shortHex(t.taskId()));
        jobTask.setWidth("26em");
        Select<Asset> algorithm = new Select<>();
        algorithm.setId("job-algorithm");
        algorithm.setLabel(getTranslation("jobs.submit.algorithm"));
        algorithm.setItemLabelGenerator(a -> a.title() + " · " + Formats.shortHex(a.dt()));
        algorithm.setWidth("26em");
        panel.problem().attempt(assets::mine).ifPresent(mine -> algorithm.setItems(mine.stream()
                .filter(a -> a.assetKind().filter(AssetKind.ALGORITHM::equals).isPresent()).toList()));
        Button submit = new Button(getTranslation("jobs.submit.button"), VaadinIcon.PLAY.create(), click -> {
            jobTask.setInvalid(jobTask.isEmpty());
            algorithm.setInvalid(algorithm.isEmpty());
            if (jobTask.isEmpty() || algorithm.isEmpty()) {
                return;
            }
            panel.problem().attempt(() -> jobs.submit(jobTask.getValue().taskId(), algorithm.getValue().dt()))
                    .ifPresent(job -> getUI().ifPresent(ui -> ui.navigate("jobs/" + job.jobId())));
        });
        jobTask.setErrorMessage(getTranslation("jobs.submit.task.required"));
        algorithm.setErrorMessage(getTranslation("jobs.submit.algorithm.required"));
        jobTask.addValueChangeListener(change -> jobTask.setInvalid(false));
        algorithm.addValueChangeListener(change -> algorithm.setInvalid(false));
        submit.setId("job-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout row = new FlexLayout(jobTask, algorithm, submit);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        panel.with(row);
        panel.setWidthFull();
        return panel;
    }

    private Grid<Job> jobsGrid() {
        myJobs.setId("jobs-grid");
        myJobs.addColumn(j -> Formats.shortHex(j.jobId())).setHeader(getTranslation("jobs.job.id")).setAutoWidth(true);
        myJobs.addColumn(j -> Formats.shortHex(j.taskId())).setHeader(getTranslation("jobs.task.id")).setAutoWidth(true);
        myJobs.addColumn(j -> Formats.shortHex(j.algorithm())).setHeader(getTranslation("jobs.submit.algorithm"))
                .setAutoWidth(true);
        myJobs.addColumn(j -> getTranslation("job.state." + j.state())).setHeader(getTranslation("job.state"))
                .setAutoWidth(true);
        myJobs.addColumn(j -> Formats.time(j.updatedAt())).setHeader(getTranslation("jobs.job.updated")).setAutoWidth(true);
        myJobs.setEmptyStateText(getTranslation("jobs.mine.none"));
        myJobs.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        myJobs.setHeight("16em");
        myJobs.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("jobs/" + click.getItem().jobId())));
        return myJobs;
    }

    private void loadTasks() {
        List<Task> list = tasksPanel.problem().attempt(jobs::tasks).orElse(List.of());
        tasks.setItems(list);
        jobTask.setItems(list.stream().filter(t -> "OPEN".equals(t.state())).toList());
    }

    private void loadJobs() {
        myJobs.setItems(jobsPanel.problem().attempt(jobs::mine).orElse(List.of()));
    }
}
