"""Everything HTTP and Gradio: the Blocks, the JSON API and its docs, rendering, session state."""
