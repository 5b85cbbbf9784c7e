package io.datatoken.portal.ui.jobs;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.shared.Registration;
import io.datatoken.portal.security.CurrentUser;
import io.datatoken.portal.services.AuthorizationStatusClient;
import io.datatoken.portal.services.BackendProblem;
import io.datatoken.portal.services.CompositionAuthorizations;
import io.datatoken.portal.services.Job;
import io.datatoken.portal.services.JobClient;
import io.datatoken.portal.services.JobDetails;
import io.datatoken.portal.services.JobDetails.Party;
import io.datatoken.portal.services.ResultClient;
import io.datatoken.portal.ui.Formats;
import io.datatoken.portal.ui.InlineProblem;
import io.datatoken.portal.ui.Panel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One job followed live: its state, a progress bar (parties done / all), each party's execution
 * (node, state, attempts, detail, receipt), the moves its owner may make (authorize, start) and,
 * once it SUCCEEDED, its result for download when the job is the user's organization's. While the
 * job runs, Vaadin's poll refreshes it; the poll stops when the job ends or the panel leaves the page.
 */
class JobFollower extends Panel {

    static final int POLL_MILLIS = 2000;
    static final String NOT_ALL_AUTHORIZED = "not-all-authorized";

    private final JobClient jobs;
    private final ResultClient results;
    private final AuthorizationStatusClient authorizations;
    private final String jobId;
    private final Span state = new Span();
    private final Span detail = new Span();
    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Span progressText = new Span();
    private final Grid<Party> parties = new Grid<>();
    private final InlineProblem moveProblem = new InlineProblem("job-move-problem");
    private final Div missing = new Div();
    private final Button authorize = new Button();
    private final Button start = new Button();
    private final HorizontalLayout download = new HorizontalLayout();
    private final InlineProblem resultProblem = new InlineProblem("job-result-problem");
    private Registration polling;
    private JobDetails shown;

    /** @param title the panel's heading, e.g. "Job 0xfc20358d…22a6" */
    JobFollower(JobClient jobs, ResultClient results, AuthorizationStatusClient authorizations, String jobId,
                String title) {
        super("job-follower", title);
        this.jobs = jobs;
        this.results = results;
        this.authorizations = authorizations;
        this.jobId = jobId;
        state.setId("job-state");
        detail.setId("job-detail");
        bar.setId("job-progress");
        bar.setWidth("24em");
        progressText.setId("job-progress-text");
        authorize.setText(getTranslation("jobs.authorize"));
        authorize.setId("job-authorize");
        authorize.addClickListener(click -> move(() -> jobs.authorize(jobId)));
        start.setText(getTranslation("jobs.start"));
        start.setId("job-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(click -> move(() -> jobs.start(jobId)));
        missing.setId("job-missing");
        missing.setVisible(false);
        missing.getStyle().set("font-size", "var(--lumo-font-size-s)");
        download.setId("job-download");
        download.setVisible(false);
        with(line("jobs.follow.state", state), detail, new HorizontalLayout(bar, progressText),
                new HorizontalLayout(authorize, start), moveProblem, missing, partiesGrid(), download, resultProblem);
        setWidthFull();
        refresh();
    }

    private HorizontalLayout line(String labelKey, Span value) {
        Span label = new Span(getTranslation(labelKey));
        label.getStyle().set("font-weight", "600");
        return new HorizontalLayout(label, value);
    }

    private Grid<Party> partiesGrid() {
        parties.setId("job-parties");
        parties.addColumn(Party::owner).setHeader(getTranslation("jobs.party.owner")).setAutoWidth(true);
        parties.addColumn(p -> Formats.shortHex(p.dt())).setHeader(getTranslation("jobs.party.asset")).setAutoWidth(true);
        parties.addColumn(p -> Objects.requireNonNullElse(p.node(), "—")).setHeader(getTranslation("jobs.party.node"))
                .setAutoWidth(true);
        parties.addColumn(p -> getTranslation("party.state." + p.state())).setHeader(getTranslation("jobs.party.state"))
                .setAutoWidth(true);
        parties.addColumn(Party::attempts).setHeader(getTranslation("jobs.party.attempts")).setAutoWidth(true);
        parties.addColumn(p -> p.receipt() == null ? "—" : Formats.shortHex(p.receipt().resultHash()))
                .setHeader(getTranslation("jobs.party.receipt")).setAutoWidth(true)
                .setTooltipGenerator(p -> p.receipt() == null ? "" : getTranslation("jobs.party.receipt.tooltip",
                        p.receipt().resultHash(), Formats.time(p.receipt().recordedAt()), p.receipt().recordedBy()));
        parties.addColumn(p -> Objects.requireNonNullElse(p.detail(), "")).setHeader(getTranslation("jobs.party.detail"))
                .setFlexGrow(2).setTooltipGenerator(p -> String.join(" ", Objects.requireNonNullElse(p.detail(), ""),
                        String.join(", ", p.reasons())).strip());
        parties.setEmptyStateText(getTranslation("jobs.party.none"));
        parties.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        parties.setAllRowsVisible(true);
        return parties;
    }

    /** Reads the job again and shows it; stops the poll once it has ended. */
    void refresh() {
        problem().attempt(() -> jobs.job(jobId)).ifPresent(this::show);
        if (shown == null || !shown.summary().running()) {
            stopPolling();
        }
    }

    private void move(Supplier<Job> call) {
        missing.removeAll();
        missing.setVisible(false);
        try {
            call.get();
        } catch (BackendProblem problem) {
            moveProblem.show(problem);
            if (problem.type().filter(NOT_ALL_AUTHORIZED::equals).isPresent() && shown != null) {
                showMissing(shown.algorithm());
            }
            return;
        }
        moveProblem.clear();
        refresh();
        startPolling();
    }

    /** What the verifier says still blocks the algorithm's tree: grants not given, owners not active. */
    private void showMissing(String algorithm) {
        CompositionAuthorizations tree;
        try {
            tree = authorizations.of(algorithm);
        } catch (BackendProblem unknown) {
            return; // the job service's refusal stays; the verifier's list is a help, not a need
        }
        UnorderedList list = new UnorderedList();
        tree.blocking().forEach(edge -> {
            if (!edge.granted()) {
                list.add(new ListItem(getTranslation("jobs.missing.grant", edge.childOwner(),
                        Formats.shortHex(edge.child()), Formats.shortHex(edge.parent()), edge.grant())));
            }
            if (!edge.ownerActive()) {
                list.add(new ListItem(getTranslation("jobs.missing.owner-inactive", edge.childOwner())));
            }
        });
        if (list.getChildren().findAny().isPresent()) {
            missing.add(new Span(getTranslation("jobs.missing.title")), list);
            missing.setVisible(true);
        }
    }

    private void show(JobDetails job) {
        boolean justSucceeded = job.state().equals("SUCCEEDED") && (shown == null || !shown.state().equals("SUCCEEDED"));
        shown = job;
        state.setText(getTranslation("job.state." + job.state()));
        detail.setText(Objects.requireNonNullElse(job.detail(), ""));
        detail.setVisible(job.detail() != null);
        JobProgress progress = JobProgress.of(job);
        bar.setValue(progress.fraction());
        progressText.setText(getTranslation("jobs.progress", progress.done(), progress.all()));
        parties.setItems(job.parties());
        boolean mine = CurrentUser.find().flatMap(u -> u.organization()).map(job.owner()::equals).orElse(false);
        authorize.setVisible(mine && job.state().equals("SUBMITTED"));
        start.setVisible(mine && (job.state().equals("SUBMITTED") || job.state().equals("AUTHORIZED")));
        if (justSucceeded && mine) {
            offerResult(job.summary());
        }
    }

    /** The result JSON, fetched here with the user's token from the algorithm owner's node, as a download. */
    private void offerResult(Job job) {
        var node = resultProblem.attempt(() -> results.nodeOf(job));
        if (node.isEmpty()) {
            return;
        }
        if (node.get().isEmpty()) {
            resultProblem.setText(getTranslation("jobs.result.no-node"));
            resultProblem.setVisible(true);
            return;
        }
        resultProblem.attempt(() -> results.result(node.get().get(), job.jobId())).ifPresent(json -> {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            String name = "result-" + job.jobId().substring(0, Math.min(10, job.jobId().length())) + ".json";
            StreamResource resource = new StreamResource(name, () -> new ByteArrayInputStream(bytes));
            resource.setContentType("application/json");
            Anchor link = new Anchor(resource, getTranslation("jobs.result.download"));
            link.setId("job-result-download");
            link.getElement().setAttribute("download", name);
            download.removeAll();
            download.add(link, new Span(getTranslation("jobs.result.size", bytes.length)));
            download.setVisible(true);
        });
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        if (shown != null && shown.summary().running()) {
            startPolling();
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        stopPolling();
        super.onDetach(detach);
    }

    private void startPolling() {
        if (polling != null || shown == null || !shown.summary().running()) {
            return;
        }
        getUI().ifPresent(ui -> {
            ui.setPollInterval(POLL_MILLIS);
            polling = ui.addPollListener(poll -> refresh());
        });
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }
}
