package io.datatoken.compute.results;

/**
 * Least squares y ≈ b0 + Z b, solved from the normal equations with a tiny ridge term that keeps
 * them solvable when columns are collinear. Small on purpose: Z has a few columns (the joint
 * features), so a (k+1)² system is all there is.
 *
 * @param intercept    b0
 * @param coefficients b, one per column of Z
 * @param rSquared     share of the labels' variance the model explains on the training rows
 * @param rows         training rows
 */
public record LinearModel(double intercept, double[] coefficients, double rSquared, int rows) {

    private static final double RIDGE = 1e-9;

    public static LinearModel fit(double[][] z, double[] y) {
        if (z.length == 0 || z.length != y.length) {
            throw new IllegalArgumentException("Z has " + z.length + " rows and the labels " + y.length
                    + ": one label per row is needed");
        }
        int k = z[0].length + 1;
        double[][] a = new double[k][k + 1];
        for (int r = 0; r < z.length; r++) {
            double[] x = withOne(z[r]);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    a[i][j] += x[i] * x[j];
                }
                a[i][k] += x[i] * y[r];
            }
        }
        for (int i = 1; i < k; i++) {
            a[i][i] += RIDGE * z.length;
        }
        double[] b = solve(a);
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        double residual = 0;
        double total = 0;
        for (int r = 0; r < z.length; r++) {
            double[] x = withOne(z[r]);
            double predicted = 0;
            for (int i = 0; i < k; i++) {
                predicted += b[i] * x[i];
            }
            residual += (y[r] - predicted) * (y[r] - predicted);
            total += (y[r] - mean) * (y[r] - mean);
        }
        double[] coefficients = new double[k - 1];
        System.arraycopy(b, 1, coefficients, 0, k - 1);
        return new LinearModel(b[0], coefficients, total == 0 ? 1 : 1 - residual / total, z.length);
    }

    private static double[] withOne(double[] row) {
        double[] x = new double[row.length + 1];
        x[0] = 1;
        System.arraycopy(row, 0, x, 1, row.length);
        return x;
    }

    /** Gaussian elimination with partial pivoting on the augmented matrix. */
    private static double[] solve(double[][] a) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            if (Math.abs(a[col][col]) < 1e-300) {
                throw new IllegalArgumentException("the features are degenerate: the model has no unique fit");
            }
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c <= n; c++) {
                    a[r][c] -= f * a[col][c];
                }
            }
        }
        double[] b = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = a[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= a[r][c] * b[c];
            }
            b[r] = s / a[r][r];
        }
        return b;
    }
}
