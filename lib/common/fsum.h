/* Private: compensated (Neumaier) summation, so that means over long arrays keep their
 * last digits whatever the order and sign of the terms. The sum is sum + comp. */
#ifndef ITSM_FSUM_H
#define ITSM_FSUM_H

#include <math.h>

static inline void itsm__fsum_add(double *sum, double *comp, double x)
{
    double t = *sum + x;
    if (fabs(*sum) >= fabs(x))
        *comp += (*sum - t) + x;
    else
        *comp += (x - t) + *sum;
    *sum = t;
}

#endif
