package io.leadproof.lead.read;

import java.util.function.Function;
import java.util.function.Supplier;

import graphql.language.Field;

/**
 * A Relay connection in one aggregate over its page: the page is read with one row more than asked ({@code first + 1},
 * as the general path reads it), the edges are the first {@code first} rows, and {@code pageInfo} comes from the same
 * rows — {@code hasNextPage} is whether the extra row came, the cursors are those of the first and last edge. The
 * page yields {@code rn} (1-based, in page order), {@code j} (the node's JSON, null for the extra row, whose nested
 * reads are not run) and {@code pos} (the cursor's position, sealed afterwards by {@link CursorSealing}).
 */
final class Connections {

    private Connections() {
    }

    /** The connection's page: its statement once the node's JSON is known (the caller adds the page's parameters after). */
    interface Page {
        /** {@code positions}: whether a cursor is selected, so the rows must carry their position (else {@code pos} is null). */
        String sql(String nodeJson, boolean positions);
    }

    /**
     * The JSON of {@code connection} ({@code type}, edges of {@code edgeType}): {@code node} plans the JSON of an edge's
     * node, {@code page} the rows.
     */
    static String plan(ReadPlanner planner, Field connection, String type, String edgeType, int first, boolean afterGiven,
            Function<Field, String> node, Page page) {
        return plan(planner, connection, type, edgeType, first, afterGiven, node, page, null);
    }

    /**
     * The same with {@code totalCount}: {@code count} gives its one-row relation (column {@code n}), right-joined to
     * the page after it so an empty page still counts (as one row of nulls: no edge, and a count(*) of 1 is not more than
     * {@code first}); null when the connection does not model it.
     */
    static String plan(ReadPlanner planner, Field connection, String type, String edgeType, int first, boolean afterGiven,
            Function<Field, String> node, Page page, Supplier<String> count) {
        var nodeJson = new String[1];
        var counted = new boolean[1];
        var edges = new int[1];
        var cursors = new boolean[1];
        String json = planner.object(Selections.of(connection.getSelectionSet(), type, planner.fragments()), type, field -> {
            noArguments(field, type);
            return switch (field.getName()) {
                case "edges" -> {
                    if (edges[0]++ > 0) {
                        throw new AstValues.Unsupported(type + ".edges selected twice"); // one page, one node selection
                    }
                    planner.plain(type + ".edges");
                    String edge = planner.inList(() -> planner.object(Selections.of(field.getSelectionSet(), edgeType, planner.fragments()),
                            edgeType, e -> {
                                noArguments(e, edgeType);
                                planner.plain(edgeType + "." + e.getName());
                                return switch (e.getName()) {
                                    case "cursor" -> cursor(planner, e, "p.pos", cursors);
                                    case "node" -> {
                                        if (nodeJson[0] != null) {
                                            throw new AstValues.Unsupported(edgeType + ".node selected twice");
                                        }
                                        nodeJson[0] = node.apply(e);
                                        yield "p.j";
                                    }
                                    default -> throw new AstValues.Unsupported(edgeType + "." + e.getName());
                                };
                            }));
                    yield "coalesce(json_agg(" + edge + " order by p.rn) filter (where p.rn <= " + first + "), '[]'::json)";
                }
                case "pageInfo" -> {
                    planner.plain(type + ".pageInfo");
                    yield planner.object(Selections.of(field.getSelectionSet(), "PageInfo", planner.fragments()), "PageInfo", g -> {
                        noArguments(g, "PageInfo");
                        planner.plain("PageInfo." + g.getName());
                        return switch (g.getName()) {
                            case "hasNextPage" -> leaf(g, "count(*) > " + first);
                            case "hasPreviousPage" -> leaf(g, String.valueOf(afterGiven));
                            case "startCursor" -> cursor(planner, g, "min(p.pos) filter (where p.rn = 1)", cursors);
                            case "endCursor" -> cursor(planner, g, "(array_agg(p.pos order by p.rn desc) filter (where p.rn <= " + first + "))[1]", cursors);
                            default -> throw new AstValues.Unsupported("PageInfo." + g.getName());
                        };
                    });
                }
                case "totalCount" -> {
                    if (count == null) {
                        throw new AstValues.Unsupported(type + ".totalCount");
                    }
                    counted[0] = true;
                    yield leaf(field, "c.n");
                }
                default -> throw new AstValues.Unsupported(type + "." + field.getName());
            };
        });
        // group by (): one row, even for a page of no rows or a selection without aggregates
        String rows = "(" + page.sql(nodeJson[0] == null ? "null" : nodeJson[0], cursors[0]) + ") p";
        return counted[0] ? "(select " + json + " from " + rows + " right join (" + count.get() + ") c on true group by c.n)"
                : "(select " + json + " from " + rows + " group by ())";
    }

    /**
     * The columns of a page read in {@code order} ({@code order by} text, ties broken): the row number, the node's
     * JSON for the rows of the page only, and the cursor's position when a cursor is selected (its text is built for
     * every row otherwise).
     */
    static String columns(String order, int first, String nodeJson, String position, boolean positions) {
        return numberedColumns(rowNumber(order), first, nodeJson, position, positions);
    }

    /** The row number of a page read in {@code order}. */
    static String rowNumber(String order) {
        return "row_number() over (order by " + order + ")";
    }

    /** The same columns over rows numbered already ({@code rn}: their number, e.g. a column of a page joined after its limit). */
    static String numberedColumns(String rn, int first, String nodeJson, String position, boolean positions) {
        return rn + " rn, case when " + rn + " <= " + first + " then " + nodeJson + " end j, " + (positions ? position : "null::text") + " pos";
    }

    private static String cursor(ReadPlanner planner, Field f, String sql, boolean[] selected) {
        planner.cursorHere();
        selected[0] = true;
        return leaf(f, sql);
    }

    private static String leaf(Field f, String sql) {
        if (f.getSelectionSet() != null) {
            throw new AstValues.Unsupported(f.getName() + " with a selection");
        }
        return sql;
    }

    private static void noArguments(Field f, String type) {
        if (!f.getArguments().isEmpty()) {
            throw new AstValues.Unsupported(type + "." + f.getName() + " with arguments");
        }
    }
}
