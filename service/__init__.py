"""Vietnamese administrative documents (KẾ HOẠCH, công văn) rendered to Decree 30/2020."""
