/** Document intake's services: taking documents in, classifying them with the tenant's model or the fallback, governing models. */
package health.ordo.application.service.intake;
