package io.shotplan.psplib;

/** Small PSPLIB texts for tests, embedded so the tests do not depend on the shared benchmark folder. */
final class PsplibSamples {

    /** j1010_1.mm from PSPLIB's j10 set; its published optimum is 17. */
    static final String J1010_1 = """
************************************************************************
file with basedata            : mm10_.bas
initial value random generator: 19747
************************************************************************
projects                      :  1
jobs (incl. supersource/sink ):  12
horizon                       :  77
RESOURCES
  - renewable                 :  2   R
  - nonrenewable              :  2   N
  - doubly constrained        :  0   D
************************************************************************
PROJECT INFORMATION:
pronr.  #jobs rel.date duedate tardcost  MPM-Time
    1     10      0       17        9       17
************************************************************************
PRECEDENCE RELATIONS:
jobnr.    #modes  #successors   successors
   1        1          3           2   3   4
   2        3          2           5  11
   3        3          2           5  11
   4        3          2           9  11
   5        3          1           6
   6        3          3           7   8  10
   7        3          1           9
   8        3          1           9
   9        3          1          12
  10        3          1          12
  11        3          1          12
  12        1          0        
************************************************************************
REQUESTS/DURATIONS:
jobnr. mode duration  R 1  R 2  N 1  N 2
------------------------------------------------------------------------
  1      1     0       0    0    0    0
  2      1     1       7    0    7    0
         2     4       0    4    7    0
         3     6       0    3    7    0
  3      1     1       0    6    2    0
         2     7       0    6    0    6
         3    10       8    0    0    6
  4      1     1       7    0    6    0
         2     2       0    5    0    8
         3    10       0    5    5    0
  5      1     1       9    0    9    0
         2     8       0    6    8    0
         3    10       8    0    8    0
  6      1     3       0    9    0    7
         2     3       3    0    0    6
         3     4       0    8    7    0
  7      1     5       5    0    0    6
         2     8       0    7    4    0
         3    10       0    6    0    4
  8      1     2       4    0    8    0
         2     3       0    6    0    4
         3     7       4    0    0    4
  9      1     7       0    6    8    0
         2     8       6    0    7    0
         3     9       0    3    6    0
 10      1     3       7    0    7    0
         2     4       0    5    6    0
         3     5       0    3    0    1
 11      1     4       0    2    4    0
         2     6       4    0    0    1
         3     6       0    2    0    1
 12      1     0       0    0    0    0
************************************************************************
RESOURCEAVAILABILITIES:
  R 1  R 2  N 1  N 2
   11    9   42   17
************************************************************************
""";

    private PsplibSamples() {
    }
}
