"""The N-way view of a case: the variant table, the heat map, the versions' timeline and the estimated stemma."""
