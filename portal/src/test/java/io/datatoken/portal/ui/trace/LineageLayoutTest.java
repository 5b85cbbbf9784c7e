package io.datatoken.portal.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.portal.services.EdgeOp;
import io.datatoken.portal.services.Lineage;
import io.datatoken.portal.services.LineageEdge;
import io.datatoken.portal.services.LineageToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineageLayoutTest {

    private static final String DATA = dt(1);
    private static final String ALGORITHM = dt(2);

    @Test
    void tracingUpPutsWhatIsMadeOfTheDtAboveIt() {
        LineageLayout layout = LineageLayout.of(lineage("up", 3, 4));

        assertThat(layout.node(ALGORITHM).y()).isLessThan(layout.node(DATA).y());
        assertThat(layout.links()).singleElement()
                .satisfies(link -> assertThat(link.parent().token().dt()).isEqualTo(ALGORITHM));
    }

    @Test
    void tracingDownHangsWhatTheDtIsMadeOfBelowIt() {
        LineageLayout layout = LineageLayout.of(lineage("down", 3, 4));

        assertThat(layout.node(DATA).y()).isLessThan(layout.node(ALGORITHM).y());
    }

    @Test
    void oneRowPerLevelAndNoBoxesOverlapAndAllFitTheDrawing() {
        LineageLayout layout = LineageLayout.of(lineage("up", 5, 7));

        List<LineageLayout.Node> nodes = layout.nodes();
        assertThat(nodes).hasSize(1 + 1 + 5 + 7);
        for (LineageLayout.Node node : nodes) {
            int level = node.token().level();
            assertThat(nodes).filteredOn(other -> other.token().level() == level)
                    .allSatisfy(other -> assertThat(other.y()).isEqualTo(node.y()));
            assertThat(node.x()).isGreaterThanOrEqualTo(0);
            assertThat(node.x() + LineageLayout.NODE_WIDTH).isLessThanOrEqualTo(layout.width());
            assertThat(node.bottom()).isLessThanOrEqualTo(layout.height());
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                assertThat(overlap(nodes.get(i), nodes.get(j))).as("%s and %s", nodes.get(i), nodes.get(j)).isFalse();
            }
        }
    }

    @Test
    void theOpLabelsOfEdgesFanningOutOfOneDtDoNotOverlap() {
        LineageToken algorithm = new LineageToken(ALGORITHM, 0, "fintech-c", "ALGORITHM", 2L, null, null, null);
        List<LineageToken> tokens = new ArrayList<>(List.of(algorithm));
        List<LineageEdge> edges = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tokens.add(new LineageToken(dt(10 + i), 1, "bank-a", "COMPUTE", null, null, null, null));
            edges.add(new LineageEdge(ALGORITHM, dt(10 + i), 1, null,
                    new EdgeOp("KNOWN", "0x01", "secure-sum", "1.2.0", Map.of(), null)));
        }
        LineageLayout layout = LineageLayout.of(new Lineage(ALGORITHM, "down", 6, false, algorithm, tokens, edges, List.of()));

        List<LineageLayout.Link> links = layout.links();
        int width = LineageSvg.labelWidth("secure-sum 1.2.0");
        for (int i = 0; i + 1 < links.size(); i++) {
            assertThat(Math.abs(links.get(i + 1).labelX() - links.get(i).labelX())).isGreaterThan(width);
        }
        assertThat(links).allSatisfy(link -> assertThat(link.labelY())
                .isBetween(link.upper().bottom() + 10, link.lower().top() - 10));
    }

    @Test
    void theSvgHasABoxPerDtWithItsKindOwnerAndIdAndTheOpOnEachEdge() {
        Lineage lineage = lineage("up", 0, 0);
        String svg = LineageSvg.of(LineageLayout.of(lineage), DATA, key -> switch (key) {
            case "kind.DATA" -> "Data";
            case "kind.ALGORITHM" -> "Algorithm";
            default -> key;
        });

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("data-dt=\"" + DATA + "\"", "data-dt=\"" + ALGORITHM + "\"")
                .contains("Data · bank-a", "Algorithm · fintech-c", ">ss-share 1.0.0</text>");
    }

    @Test
    void anOpNotKnownSaysWhyAndTextIsEscaped() {
        LineageEdge pending = new LineageEdge(ALGORITHM, DATA, 1, null, new EdgeOp("PENDING", null, null, null, null, null));
        assertThat(LineageSvg.opLabel(pending, key -> key)).isEqualTo("trace.op.PENDING");
        assertThat(LineageSvg.escaped("<a & \"b\">")).isEqualTo("&lt;a &amp; &quot;b&quot;&gt;");
    }

    private static boolean overlap(LineageLayout.Node a, LineageLayout.Node b) {
        return a.x() < b.x() + LineageLayout.NODE_WIDTH && b.x() < a.x() + LineageLayout.NODE_WIDTH
                && a.y() < b.y() + LineageLayout.NODE_HEIGHT && b.y() < a.y() + LineageLayout.NODE_HEIGHT;
    }

    /** The data asset, the algorithm made of it, then {@code second} and {@code third} DTs on two more levels. */
    private static Lineage lineage(String direction, int second, int third) {
        LineageToken data = new LineageToken(DATA, 0, "bank-a", "DATA", 1L, null, null, null);
        List<LineageToken> tokens = new ArrayList<>(List.of(data,
                new LineageToken(ALGORITHM, 1, "fintech-c", "ALGORITHM", 2L, null, null, null)));
        List<LineageEdge> edges = new ArrayList<>(List.of(new LineageEdge(ALGORITHM, DATA, 1, null,
                new EdgeOp("KNOWN", "0x01", "ss-share", "1.0.0", Map.of(), null))));
        for (int i = 0; i < second; i++) {
            tokens.add(new LineageToken(dt(100 + i), 2, "bank-b", "COMPUTE", null, null, null, null));
        }
        for (int i = 0; i < third; i++) {
            tokens.add(new LineageToken(dt(200 + i), 3, "bank-b", "DATA", null, null, null, null));
        }
        return new Lineage(DATA, direction, 6, false, data, tokens, edges, List.of());
    }

    private static String dt(int n) {
        return "0x" + "%064x".formatted(n);
    }
}
