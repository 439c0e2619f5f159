"""The /docs page: a self-contained HTML rendering of the OpenAPI spec (nothing from a CDN)."""

from __future__ import annotations

import html
import json
from typing import Any


def openapi_html(spec: dict[str, Any]) -> str:
    """A self-contained page documenting the API (the usual Swagger page loads from a CDN)."""
    info = spec.get("info", {})
    out = [
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(info.get('title', 'API'))}</title><style>{_DOCS_CSS}</style>"
        f"</head><body><main><h1>{html.escape(info.get('title', 'API'))} "
        f"<small>{html.escape(str(info.get('version', '')))}</small></h1>"
        f"<p>{html.escape(info.get('description', ''))}</p><p>Machine-readable: "
        "<a href='/openapi.json'>/openapi.json</a> (OpenAPI). The chat UI is at "
        "<a href='/'>/</a>.</p>"
    ]
    for path, methods in spec.get("paths", {}).items():
        for method, operation in methods.items():
            out.append(
                f"<section><h2><span class='method'>{method.upper()}</span> "
                f"<code>{html.escape(path)}</code></h2>"
                f"<p><b>{html.escape(operation.get('summary', ''))}</b></p>"
                f"<p class='pre'>{html.escape(operation.get('description', ''))}</p>"
            )
            for parameter in operation.get("parameters", []):
                out.append(
                    f"<p>Parameter <code>{html.escape(parameter['name'])}</code> "
                    f"({html.escape(parameter.get('in', ''))}"
                    f"{', required' if parameter.get('required') else ''})</p>"
                )
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body:
                out.append(
                    "<h3>Request body</h3><pre>"
                    f"{html.escape(json.dumps(body['schema'], indent=2))}</pre>"
                )
            out.append("<h3>Responses</h3><ul>")
            for code, response in operation.get("responses", {}).items():
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                shown = f" <code>{html.escape(json.dumps(schema))}</code>" if schema else ""
                out.append(
                    f"<li><b>{html.escape(str(code))}</b> "
                    f"{html.escape(response.get('description', ''))}{shown}</li>"
                )
            out.append("</ul></section>")
    schemas = spec.get("components", {}).get("schemas", {})
    if schemas:
        out.append("<section><h2>Schemas</h2>")
        for name, schema in schemas.items():
            out.append(
                f"<h3 id='{html.escape(name)}'>{html.escape(name)}</h3>"
                f"<pre>{html.escape(json.dumps(schema, indent=2))}</pre>"
            )
        out.append("</section>")
    out.append("</main></body></html>")
    return "".join(out)


_DOCS_CSS = (
    "body{font-family:system-ui,sans-serif;margin:0;background:#f8fafc;color:#0f172a}"
    "main{max-width:960px;margin:0 auto;padding:24px}section{background:#fff;"
    "border:1px solid #e2e8f0;border-radius:8px;padding:8px 20px;margin:16px 0}"
    "pre{background:#f1f5f9;padding:12px;border-radius:6px;overflow:auto}"
    ".method{background:#1d4ed8;color:#fff;border-radius:4px;padding:2px 8px;"
    "font-size:.8em}.pre{white-space:pre-wrap}small{color:#64748b;font-size:.5em}"
)
