"""Check: what a proof-reader catches in the data (consistency, sanity, places) and, after
composing, in the document itself (audit/: every fact printed, nothing invented, whole sentences)."""
