"""Document types (KẾ HOẠCH, công văn, QUYẾT ĐỊNH, ...), each a module registering itself."""
