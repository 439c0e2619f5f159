"""Sources -> vector store: load, parse, chunk, embed and store classification standards."""
