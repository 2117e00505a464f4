// Starts the vendored Swagger UI (/docs) or ReDoc (/redoc) on the API's OpenAPI description.
// A file rather than an inline script: the Content-Security-Policy allows scripts from this server only.
/* global SwaggerUIBundle, Redoc */
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const swagger = document.getElementById("swagger-ui");
  if (swagger && typeof SwaggerUIBundle === "function") {
    SwaggerUIBundle({
      url: swagger.dataset.spec,
      dom_id: "#swagger-ui",
      deepLinking: true,
      presets: [SwaggerUIBundle.presets.apis],
      layout: "BaseLayout",
    });
  }
  const redoc = document.getElementById("redoc");
  if (redoc && typeof Redoc === "object") {
    // No search box: its index runs in a Web Worker made from a blob: URL, which the policy refuses.
    Redoc.init(redoc.dataset.spec, { disableSearch: true, hideDownloadButton: false }, redoc);
  }
});
