/* Compiled once per public header (as C and as C++): the header must be self-contained. */
#include ITSM_HEADER

int main(void) { return 0; }
