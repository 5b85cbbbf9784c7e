package io.datatoken.portal.ui.trace;

import io.datatoken.portal.services.EdgeOp;
import io.datatoken.portal.services.LineageEdge;
import io.datatoken.portal.ui.Formats;
import java.util.Map;
import java.util.function.Function;

/**
 * A lineage drawn as SVG markup, built here on the server from a {@link LineageLayout}: a box per
 * DT (its kind and owner, a colour per kind, the DT asked about outlined), an arrow per edge from
 * the composition to what it is made of, labelled with the op the composition applies. Each box
 * carries its DT in {@code data-dt}, which the view's click listener reads to re-centre the trace.
 */
final class LineageSvg {

    /** Fill and stroke per kind (Lumo-like hues, legible in light mode). */
    static final Map<String, String[]> COLOURS = Map.of(
            "DATA", new String[] {"#e3f0ff", "#1a73e8"},
            "COMPUTE", new String[] {"#fff1e0", "#d9730d"},
            "ALGORITHM", new String[] {"#e4f6ea", "#1e8e3e"});
    private static final String[] UNKNOWN = {"#f1f3f4", "#80868b"};

    private LineageSvg() {
    }

    /**
     * @param centre the DT asked about
     * @param texts  the bundle's translation of a key ({@code kind.DATA}, {@code trace.op.PENDING}, …)
     */
    static String of(LineageLayout layout, String centre, Function<String, String> texts) {
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"trace-svg\" width=\"").append(layout.width())
                .append("\" height=\"").append(layout.height()).append("\" font-family=\"sans-serif\">")
                .append("<defs><marker id=\"trace-arrow\" markerWidth=\"10\" markerHeight=\"8\" refX=\"9\" refY=\"4\" ")
                .append("orient=\"auto\"><path d=\"M0,0 L10,4 L0,8 z\" fill=\"#5f6368\"/></marker></defs>");
        int index = 0;
        for (LineageLayout.Link link : layout.links()) {
            edge(svg, link, index++, texts);
        }
        for (LineageLayout.Node node : layout.nodes()) {
            node(svg, node, node.token().dt().equals(centre), texts);
        }
        return svg.append("</svg>").toString();
    }

    private static void edge(StringBuilder svg, LineageLayout.Link link, int index, Function<String, String> texts) {
        LineageLayout.Node from = link.parent();
        LineageLayout.Node to = link.child();
        boolean parentAbove = from == link.upper();
        // The arrow points from the composition to what it is made of.
        int x1 = from.centerX();
        int y1 = parentAbove ? from.bottom() : from.top();
        int x2 = to.centerX();
        int y2 = parentAbove ? to.top() : to.bottom();
        svg.append("<g class=\"trace-edge\" id=\"trace-edge-").append(index).append("\">")
                .append("<line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"").append(x2)
                .append("\" y2=\"").append(y2)
                .append("\" stroke=\"#5f6368\" stroke-width=\"1.5\" marker-end=\"url(#trace-arrow)\"/>");
        String label = opLabel(link.edge(), texts);
        int labelWidth = labelWidth(label);
        svg.append("<rect x=\"").append(link.labelX() - labelWidth / 2).append("\" y=\"").append(link.labelY() - 10)
                .append("\" width=\"").append(labelWidth).append("\" height=\"20\" rx=\"10\" fill=\"#ffffff\" ")
                .append("stroke=\"#dadce0\"/>")
                .append("<text class=\"trace-op\" x=\"").append(link.labelX()).append("\" y=\"").append(link.labelY() + 4)
                .append("\" font-size=\"12\" text-anchor=\"middle\" fill=\"#3c4043\">").append(escaped(label))
                .append("</text></g>");
    }

    /** About the width of a label in the 12 px font, with room either side. */
    static int labelWidth(String label) {
        return Math.max(40, label.length() * 7 + 12);
    }

    /** The op's name and version, or why it is not known. */
    static String opLabel(LineageEdge edge, Function<String, String> texts) {
        EdgeOp op = edge.op();
        if (op == null) {
            return texts.apply("trace.op.UNKNOWN");
        }
        if (op.isKnown()) {
            String name = op.opName() != null ? op.opName() : Formats.shortHex(op.opHash());
            return op.opVersion() == null ? name : name + " " + op.opVersion();
        }
        return texts.apply("trace.op." + op.status());
    }

    private static void node(StringBuilder svg, LineageLayout.Node node, boolean centre,
                             Function<String, String> texts) {
        String kind = node.token().kind();
        String[] colour = kind == null ? UNKNOWN : COLOURS.getOrDefault(kind, UNKNOWN);
        String dt = node.token().dt();
        String owner = node.token().owner() == null ? texts.apply("trace.owner.unknown") : node.token().owner();
        String kindText = kind == null ? texts.apply("trace.kind.unknown") : texts.apply("kind." + kind);
        svg.append("<g class=\"trace-node\" id=\"trace-node-").append(escaped(dt)).append("\" data-dt=\"")
                .append(escaped(dt)).append("\" data-kind=\"").append(escaped(String.valueOf(kind)))
                .append("\" data-owner=\"").append(escaped(owner)).append("\" style=\"cursor:pointer\">")
                .append("<title>").append(escaped(dt)).append("</title>")
                .append("<rect x=\"").append(node.x()).append("\" y=\"").append(node.y()).append("\" width=\"")
                .append(LineageLayout.NODE_WIDTH).append("\" height=\"").append(LineageLayout.NODE_HEIGHT)
                .append("\" rx=\"8\" fill=\"").append(colour[0]).append("\" stroke=\"").append(colour[1])
                .append("\" stroke-width=\"").append(centre ? 3 : 1.5).append("\"/>")
                .append("<text x=\"").append(node.centerX()).append("\" y=\"").append(node.y() + 19)
                .append("\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"").append(colour[1])
                .append("\">").append(escaped(kindText + " · " + owner)).append("</text>")
                .append("<text x=\"").append(node.centerX()).append("\" y=\"").append(node.y() + 36)
                .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5f6368\">")
                .append(escaped(Formats.shortHex(dt))).append("</text></g>");
    }

    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
