"""`make bench`: this site measured against plain Material (`python -m bench.run`)."""
