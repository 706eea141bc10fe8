// The module's umbrella header: element-wise vector kernels (vector_math.h) and the eight-lane
// sampling draws (gamma_draws.h).
#include "vector_math.h"
#include "gamma_draws.h"
