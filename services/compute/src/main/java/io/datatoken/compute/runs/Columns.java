package io.datatoken.compute.runs;

import io.datatoken.compute.datasets.DatasetBindings;

/** One column of the dataset bound to a run's asset, as the ops over a party's column read it. */
final class Columns {

    private Columns() {
    }

    /** Column {@code index} (0 first) of the dataset bound to the run's asset on this node. */
    static double[] of(DatasetBindings datasets, RunContext run, int index) {
        double[][] rows;
        try {
            rows = datasets.datasetOf(run.dt()).orElseThrow(() -> new RunFailed("no dataset is bound to " + run.dt()
                    + " on this node: bind one with POST /v1/datasets"));
        } catch (IllegalArgumentException e) {
            throw new RunFailed(e.getMessage(), e);
        }
        if (index >= rows[0].length) {
            throw new RunFailed("the workflow asks for column " + index + " but the dataset of " + run.dt() + " has "
                    + rows[0].length + " columns");
        }
        double[] column = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            column[r] = rows[r][index];
        }
        return column;
    }
}
