"""The entry the design card names: serves the web app (Gradio UI + HTTP API) of `web/`."""

from web.app import create_app, main, serve

__all__ = ["create_app", "main", "serve"]

if __name__ == "__main__":
    main()
