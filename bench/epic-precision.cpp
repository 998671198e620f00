// Linked into the benchmark's EPIC binary (bench/peers.sh), never into EPIC's sources: EPIC prints its indices
// through std::cout with the stream's default 6 significant digits, too coarse to check agreement to 1e-9. This
// static initialiser raises the precision to 25 digits before main() runs; EPIC's computation is untouched.
#include <iostream>

namespace {
const bool precision_raised = (std::cout.precision(25), true);
}
