package io.datatoken.compute.datasets;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Numeric matrices from a table of the node's own database: every numeric column, in column
 * order, every row, in the order of the table's first column. The location is a plain
 * (optionally schema-qualified) lower-case table name, never SQL.
 */
public final class JdbcMatrices {

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?");
    private static final Set<Integer> NUMERIC = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
            Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL);

    private final DataSource dataSource;

    public JdbcMatrices(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public double[][] read(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("table '" + table + "' must be a lower-case name, optionally schema.table");
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select * from " + table + " order by 1")) {
            ResultSetMetaData columns = rows.getMetaData();
            List<Integer> numeric = new ArrayList<>();
            for (int c = 1; c <= columns.getColumnCount(); c++) {
                if (NUMERIC.contains(columns.getColumnType(c))) {
                    numeric.add(c);
                }
            }
            if (numeric.isEmpty()) {
                throw new IllegalArgumentException("table " + table + " has no numeric column");
            }
            List<double[]> matrix = new ArrayList<>();
            while (rows.next()) {
                double[] row = new double[numeric.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rows.getDouble(numeric.get(i));
                }
                matrix.add(row);
            }
            if (matrix.isEmpty()) {
                throw new IllegalArgumentException("table " + table + " holds no rows");
            }
            return matrix.toArray(double[][]::new);
        } catch (SQLException e) {
            throw new IllegalArgumentException("cannot read table " + table + ": " + e.getMessage(), e);
        }
    }
}
