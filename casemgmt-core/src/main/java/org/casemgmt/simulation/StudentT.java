package org.casemgmt.simulation;

/** The 0.975 quantile of Student's t distribution, for 95 % confidence intervals. */
final class StudentT {

  /** Exact to three decimals for 1 to 30 degrees of freedom. */
  private static final double[] TABLE = {
      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
      2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
      2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

  private static final double Z = 1.959963984540054;

  private StudentT() {}

  /** The quantile for {@code df >= 1} degrees of freedom (Cornish–Fisher expansion beyond the table). */
  static double quantile975(int df) {
    if (df < 1) {
      // Package-private: Estimate asks for n - 1 >= 1 degrees of freedom only, so this is a bug, not an input error.
      throw new IllegalArgumentException("df must be at least 1");
    }
    if (df <= TABLE.length) {
      return TABLE[df - 1];
    }
    double z = Z;
    double z3 = z * z * z;
    double z5 = z3 * z * z;
    double z7 = z5 * z * z;
    return z + (z3 + z) / (4.0 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * df * df)
        + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384.0 * df * df * df);
  }
}
