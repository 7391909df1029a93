/** The API's own documentation: the generated OpenAPI document (YAML and JSON) and Swagger UI. */
package health.ordo.adapter.web.docs;
