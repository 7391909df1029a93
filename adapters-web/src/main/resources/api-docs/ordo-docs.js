// Swagger UI over Ordo's own OpenAPI document (generated from the code); kept out of the page so the page runs under a
// content security policy without inline script.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi/ordo-api-v1.yml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout"
  });
};
