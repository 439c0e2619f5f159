"""Scale benchmark: generated standards by the thousand, their QA set, and `make bench-scale`."""
