package io.datatoken.portal.ui.trace;

import io.datatoken.portal.services.Lineage;
import io.datatoken.portal.services.LineageEdge;
import io.datatoken.portal.services.LineageToken;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where each DT of a lineage goes on the drawing: one row per level, the DT asked about at the
 * bottom when tracing up (what is made of it stands above it) and at the top when tracing down
 * (what it is made of hangs below it); the DTs of a row side by side, centred, never overlapping.
 */
final class LineageLayout {

    static final int NODE_WIDTH = 190;
    static final int NODE_HEIGHT = 46;
    static final int COLUMN_GAP = 40;
    static final int ROW_GAP = 80;
    static final int MARGIN = 20;

    /** A DT's box: top-left corner and size. */
    record Node(LineageToken token, int x, int y) {

        int centerX() {
            return x + NODE_WIDTH / 2;
        }

        int top() {
            return y;
        }

        int bottom() {
            return y + NODE_HEIGHT;
        }
    }

    /**
     * An edge between two placed DTs, from the upper box's bottom to the lower box's top, and where
     * its op label goes: towards the end whose row is wider, so the labels of edges fanning out of
     * one DT sit apart.
     */
    record Link(LineageEdge edge, Node parent, Node child, Node upper, Node lower, int labelX, int labelY) {
    }

    /** Where along an edge (0 upper end, 1 lower end) its label goes. */
    private static double labelAt(int upperRow, int lowerRow) {
        return upperRow == lowerRow ? 0.5 : upperRow < lowerRow ? 0.72 : 0.28;
    }

    private final Map<String, Node> nodes;
    private final List<Link> links;
    private final int width;
    private final int height;

    private LineageLayout(Map<String, Node> nodes, List<Link> links, int width, int height) {
        this.nodes = nodes;
        this.links = links;
        this.width = width;
        this.height = height;
    }

    static LineageLayout of(Lineage lineage) {
        Map<Integer, List<LineageToken>> rows = new TreeMap<>();
        Map<String, LineageToken> byDt = new LinkedHashMap<>();
        if (lineage.token() != null) {
            byDt.put(lineage.token().dt(), lineage.token());
        }
        lineage.tokens().forEach(t -> byDt.putIfAbsent(t.dt(), t));
        byDt.values().forEach(t -> rows.computeIfAbsent(Math.max(0, t.level()), l -> new ArrayList<>()).add(t));
        rows.values().forEach(row -> row.sort(Comparator.comparing(LineageLayout::order)));

        int columns = rows.values().stream().mapToInt(List::size).max().orElse(1);
        int width = 2 * MARGIN + columns * NODE_WIDTH + (columns - 1) * COLUMN_GAP;
        int deepest = rows.isEmpty() ? 0 : ((TreeMap<Integer, List<LineageToken>>) rows).lastKey();
        int height = 2 * MARGIN + (deepest + 1) * NODE_HEIGHT + deepest * ROW_GAP;

        Map<String, Node> nodes = new LinkedHashMap<>();
        rows.forEach((level, row) -> {
            int row_ = lineage.isUp() ? deepest - level : level;
            int y = MARGIN + row_ * (NODE_HEIGHT + ROW_GAP);
            int rowWidth = row.size() * NODE_WIDTH + (row.size() - 1) * COLUMN_GAP;
            int x = (width - rowWidth) / 2;
            for (LineageToken token : row) {
                nodes.put(token.dt(), new Node(token, x, y));
                x += NODE_WIDTH + COLUMN_GAP;
            }
        });
        Map<Integer, Long> rowSizes = nodes.values().stream()
                .collect(Collectors.groupingBy(Node::y, Collectors.counting()));
        List<Link> links = lineage.edges().stream()
                .filter(e -> nodes.containsKey(e.parent()) && nodes.containsKey(e.child()))
                .map(e -> link(e, nodes.get(e.parent()), nodes.get(e.child()), rowSizes)).toList();
        return new LineageLayout(nodes, links, width, height);
    }

    private static Link link(LineageEdge edge, Node parent, Node child, Map<Integer, Long> rowSizes) {
        Node upper = parent.y() <= child.y() ? parent : child;
        Node lower = upper == parent ? child : parent;
        double t = labelAt(rowSizes.get(upper.y()).intValue(), rowSizes.get(lower.y()).intValue());
        int x = (int) Math.round(upper.centerX() + t * (lower.centerX() - upper.centerX()));
        int y = (int) Math.round(upper.bottom() + t * (lower.top() - upper.bottom()));
        return new Link(edge, parent, child, upper, lower, x, y);
    }

    /** Same order every time: by kind, owner, then id. */
    private static String order(LineageToken token) {
        return String.valueOf(token.kind()) + '|' + token.owner() + '|' + token.dt();
    }

    List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    Node node(String dt) {
        return nodes.get(dt);
    }

    List<Link> links() {
        return links;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }
}
