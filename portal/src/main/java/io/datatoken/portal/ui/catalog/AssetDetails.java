package io.datatoken.portal.ui.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.datatoken.portal.services.Asset;
import io.datatoken.portal.services.AssetClient;
import io.datatoken.portal.services.BackendProblem;
import io.datatoken.portal.services.TrustedOp;
import io.datatoken.portal.services.VerifiedDdo;
import io.datatoken.portal.ui.Formats;
import io.datatoken.portal.ui.InlineProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One asset in full: its catalog entry, its DDO as the asset service proved it against the chain
 * (CID and proof), the ops it supports by name, and the terms of each of its services.
 */
class AssetDetails extends Dialog {

    private final AssetClient assets;
    private final Map<String, String> opLabels = new HashMap<>();

    AssetDetails(AssetClient assets, Asset asset) {
        this.assets = assets;
        setId("asset-details");
        setHeaderTitle(asset.title() == null || asset.title().isBlank() ? Formats.shortHex(asset.dt()) : asset.title());
        setWidth("min(960px, 96vw)");
        setMaxHeight("90vh");
        Button close = new Button(getTranslation("details.close"), click -> close());
        close.setId("asset-details-close");
        getFooter().add(close);

        InlineProblem ddoProblem = new InlineProblem("asset-ddo-problem");
        VerticalLayout content = new VerticalLayout(summary(asset), ddoProblem);
        content.setPadding(false);
        ddoProblem.attempt(() -> assets.ddo(asset.dt())).ifPresent(ddo -> content.add(verified(ddo),
                section("details.ops", ops(asset)), section("details.terms", terms(ddo)), document(ddo)));
        add(content);
    }

    private Div summary(Asset asset) {
        Div summary = new Div(
                row("asset.dt", value("asset-dt", asset.dt())),
                row("asset.kind", value("asset-kind", getTranslation("kind." + asset.kind()))),
                row("asset.owner", value("asset-owner", asset.owner())),
                row("asset.description", value("asset-description", orNone(asset.description()))),
                row("asset.registered", value("asset-registered", Formats.time(asset.registeredAt()))),
                row("asset.registration-tx", value("asset-registration-tx", orNone(asset.registrationTx()))),
                row("asset.children", value("asset-children", asset.children().isEmpty() ? getTranslation("details.none")
                        : asset.children().stream().map(Formats::shortHex).collect(Collectors.joining(", ")))));
        summary.getStyle().set("display", "grid").set("gap", "var(--lumo-space-xs)");
        return summary;
    }

    private Component verified(VerifiedDdo ddo) {
        Span verified = new Span(VaadinIcon.CHECK_CIRCLE.create(),
                new Span(" " + getTranslation("details.verified", orNone(ddo.cid()), orNone(ddo.proof()))));
        verified.setId("asset-verified");
        verified.getStyle().set("color", "var(--lumo-success-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("overflow-wrap", "anywhere");
        return verified;
    }

    private Component ops(Asset asset) {
        UnorderedList list = new UnorderedList();
        list.setId("asset-ops");
        asset.supportedOps().forEach(op -> list.add(new ListItem(opLabel(op))));
        if (asset.supportedOps().isEmpty()) {
            list.add(new ListItem(getTranslation("details.no-ops")));
        }
        return list;
    }

    private Component terms(VerifiedDdo ddo) {
        Div terms = new Div();
        terms.setId("asset-terms");
        for (JsonNode service : ddo.services()) {
            H4 heading = new H4(getTranslation("terms.service", service.path("type").asText("?")));
            heading.getStyle().set("margin", "var(--lumo-space-s) 0 0 0");
            terms.add(heading);
            JsonNode t = service.path("terms");
            if (!service.path("endpoint").asText("").isBlank()) {
                terms.add(row("terms.endpoint", new Span(service.path("endpoint").asText())));
            }
            terms.add(row("terms.purpose", new Span(textOr(t.path("purpose"), "terms.any-purpose"))),
                    row("terms.consumers", new Span(listOr(t.path("consumerOrganizations"), "terms.any-organization"))),
                    row("terms.allowed-ops", allowedOps(t.path("allowedOps"))),
                    row("terms.expires", new Span(textOr(t.path("expiresAt"), "terms.no-expiry"))),
                    row("terms.max-uses", new Span(textOr(t.path("maxUses"), "terms.unlimited"))),
                    row("terms.min-parties", new Span(textOr(t.path("minParties"), "terms.no-minimum"))));
            JsonNode setOps = service.path("workflow").path("setOps");
            if (setOps.size() > 0) {
                UnorderedList workflow = new UnorderedList();
                setOps.properties().forEach(e -> workflow.add(new ListItem(
                        getTranslation("terms.workflow-step", Formats.shortHex(e.getKey()), opLabel(e.getValue().asText())))));
                terms.add(row("terms.workflow", workflow));
            }
        }
        return terms;
    }

    private Component allowedOps(JsonNode allowedOps) {
        if (allowedOps.size() == 0) {
            return new Span(getTranslation("terms.no-ops"));
        }
        UnorderedList list = new UnorderedList();
        allowedOps.properties().forEach(e -> {
            String limits = e.getValue().properties().stream()
                    .map(limit -> getTranslation("terms.limit", limit.getKey(), limit.getValue().asText()))
                    .collect(Collectors.joining(", "));
            list.add(new ListItem(opLabel(e.getKey()) + ": "
                    + (limits.isEmpty() ? getTranslation("terms.no-limits") : limits)));
        });
        return list;
    }

    private Details document(VerifiedDdo ddo) {
        Pre json = new Pre(ddo.pretty());
        json.setId("asset-ddo");
        json.getStyle().set("max-height", "24em").set("overflow", "auto").set("font-size", "var(--lumo-font-size-xs)")
                .set("margin", "0");
        Details details = new Details(getTranslation("details.document"), json);
        details.setOpened(true);
        details.setWidthFull();
        return details;
    }

    /** "name version" of a trusted op (deprecated ones marked), or its short hash if the registry has none. */
    private String opLabel(String opHash) {
        return opLabels.computeIfAbsent(opHash, hash -> {
            try {
                TrustedOp op = assets.op(hash);
                String label = getTranslation("details.op", op.name(), op.version(), Formats.shortHex(hash));
                return op.deprecated() ? label + " " + getTranslation("details.op-deprecated") : label;
            } catch (BackendProblem unknown) {
                return Formats.shortHex(hash);
            }
        });
    }

    private Component section(String titleKey, Component content) {
        H4 title = new H4(getTranslation(titleKey));
        title.getStyle().set("margin", "var(--lumo-space-s) 0 0 0");
        return new Div(title, content);
    }

    private Div row(String labelKey, Component value) {
        Span label = new Span(getTranslation(labelKey));
        label.getStyle().set("color", "var(--lumo-secondary-text-color)").set("min-width", "11em")
                .set("display", "inline-block");
        Div row = new Div(label, value);
        row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("overflow-wrap", "anywhere");
        return row;
    }

    private static Span value(String id, String text) {
        Span value = new Span(text);
        value.setId(id);
        return value;
    }

    private String orNone(String value) {
        return value == null || value.isBlank() ? getTranslation("details.none") : value;
    }

    private String textOr(JsonNode value, String absentKey) {
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? getTranslation(absentKey)
                : value.asText();
    }

    private String listOr(JsonNode values, String emptyKey) {
        if (!values.isArray() || values.isEmpty()) {
            return getTranslation(emptyKey);
        }
        List<String> items = new ArrayList<>();
        values.forEach(v -> items.add(v.asText()));
        return String.join(", ", items);
    }
}
