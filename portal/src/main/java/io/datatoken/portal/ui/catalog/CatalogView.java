package io.datatoken.portal.ui.catalog;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.datatoken.domain.asset.AssetKind;
import io.datatoken.portal.services.Asset;
import io.datatoken.portal.services.AssetClient;
import io.datatoken.portal.services.CatalogQuery;
import io.datatoken.portal.ui.Formats;
import io.datatoken.portal.ui.InlineProblem;
import io.datatoken.portal.ui.MainLayout;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every organization's assets, searched by words, kind and owner, a page at a time; an asset's
 * details (verified DDO, terms, supported ops) in a dialog. A filter with bad input says why next
 * to it and nothing is asked of the service; a refused search shows the service's reason.
 */
@Route(value = "catalog", layout = MainLayout.class)
@Dependent
public class CatalogView extends VerticalLayout implements HasDynamicTitle {

    private final AssetClient assets;
    private final Binder<CatalogSearchForm> binder = new Binder<>();
    private final CatalogSearchForm form = new CatalogSearchForm();
    private final InlineProblem problem = new InlineProblem("catalog-problem");
    private final Span count = new Span();
    private final Grid<Asset> grid = new Grid<>();
    private final Button more = new Button();
    private final List<Asset> found = new ArrayList<>();
    private CatalogQuery shown;

    @Inject
    public CatalogView(AssetClient assets) {
        this.assets = assets;
        count.setId("catalog-count");
        H2 title = new H2(getTranslation("catalog.title"));
        title.setId("view-title");
        add(title, filters(), problem, count, results(), more());
        search();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.catalog"));
    }

    private FlexLayout filters() {
        TextField text = new TextField(getTranslation("catalog.search"));
        text.setId("catalog-search");
        text.setPlaceholder(getTranslation("catalog.search.placeholder"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setWidth("18em");
        binder.forField(text)
                .withValidator(CatalogQuery::isValidText, getTranslation("catalog.search.too-long", CatalogQuery.MAX_TEXT))
                .bind(CatalogSearchForm::getText, CatalogSearchForm::setText);

        RadioButtonGroup<String> kind = new RadioButtonGroup<>(getTranslation("catalog.kind"));
        kind.setId("catalog-kind");
        kind.setItems(Stream.concat(Stream.of(CatalogSearchForm.ANY_KIND),
                Arrays.stream(AssetKind.values()).map(Enum::name)).toList());
        kind.setItemLabelGenerator(k -> getTranslation("kind." + k));
        binder.forField(kind).bind(CatalogSearchForm::getKind, CatalogSearchForm::setKind);

        TextField owner = new TextField(getTranslation("catalog.owner"));
        owner.setId("catalog-owner");
        owner.setPlaceholder(getTranslation("catalog.owner.placeholder"));
        owner.setClearButtonVisible(true);
        owner.setWidth("11em");
        binder.forField(owner)
                .withValidator(o -> o == null || o.isBlank() || CatalogQuery.isValidOwner(o),
                        getTranslation("catalog.owner.invalid"))
                .bind(CatalogSearchForm::getOwner, CatalogSearchForm::setOwner);

        IntegerField limit = new IntegerField(getTranslation("catalog.limit"));
        limit.setId("catalog-limit");
        limit.setWidth("7em");
        limit.setHelperText(getTranslation("catalog.limit.helper", CatalogQuery.MAX_LIMIT));
        String range = getTranslation("catalog.limit.range", CatalogQuery.MAX_LIMIT);
        limit.setI18n(new IntegerField.IntegerFieldI18n().setBadInputErrorMessage(range));
        binder.forField(limit)
                .withValidator(l -> l != null && CatalogQuery.isValidLimit(l), range)
                .bind(CatalogSearchForm::getLimit, CatalogSearchForm::setLimit);

        binder.setBean(form);
        Button search = new Button(getTranslation("catalog.search.button"), VaadinIcon.SEARCH.create(),
                click -> search());
        search.setId("catalog-search-button");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // A committed change (Enter, leaving the field, a click on a kind) searches at once.
        text.addValueChangeListener(change -> search());
        kind.addValueChangeListener(change -> search());
        owner.addValueChangeListener(change -> search());
        limit.addValueChangeListener(change -> search());

        FlexLayout filters = new FlexLayout(text, owner, limit, search, kind);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        return filters;
    }

    private Grid<Asset> results() {
        grid.setId("catalog-grid");
        grid.addColumn(Asset::title).setHeader(getTranslation("asset.title")).setFlexGrow(3);
        grid.addColumn(a -> getTranslation("kind." + a.kind())).setHeader(getTranslation("asset.kind")).setAutoWidth(true);
        grid.addColumn(Asset::owner).setHeader(getTranslation("asset.owner")).setAutoWidth(true);
        grid.addColumn(a -> a.supportedOps().size()).setHeader(getTranslation("asset.ops")).setAutoWidth(true);
        grid.addColumn(a -> Formats.time(a.registeredAt())).setHeader(getTranslation("asset.registered"))
                .setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("catalog.none"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(found);
        grid.addItemClickListener(click -> new AssetDetails(assets, click.getItem()).open());
        grid.setHeight("24em");
        return grid;
    }

    private Button more() {
        more.setText(getTranslation("catalog.more"));
        more.setId("catalog-more");
        more.setVisible(false);
        more.addClickListener(click -> page(shown.limit() + shown.offset(), false));
        return more;
    }

    private void search() {
        if (binder.validate().isOk()) {
            page(0, true);
        }
    }

    private void page(int offset, boolean fresh) {
        CatalogQuery query = form.toQuery(offset);
        var answer = problem.attempt(() -> assets.catalog(query));
        if (fresh || answer.isEmpty()) {
            found.clear();
        }
        answer.ifPresent(found::addAll);
        shown = query;
        grid.getDataProvider().refreshAll();
        count.setText(answer.isPresent() ? getTranslation("catalog.count", found.size()) : "");
        more.setVisible(answer.map(List::size).orElse(0) == query.limit());
    }
}
