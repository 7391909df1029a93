package health.ordo.application.port.in.phi;

import health.ordo.domain.shared.TenantId;

import java.util.Set;

/**
 * Who may see protected health information on which items. Supervisors, tenant admins and machine clients see it on
 * every item of their tenant; a WORKER only on items assigned to them or waiting in one of their queues.
 */
public interface PhiViewerQuery {

    Viewer viewer(TenantId tenant, String login, Set<String> roles);

    /** The answer for one caller, computed once per request. */
    record Viewer(boolean restricted, String login, Set<String> queues) {

        public static final Viewer UNRESTRICTED = new Viewer(false, null, Set.of());

        public Viewer {
            queues = queues == null ? Set.of() : Set.copyOf(queues);
        }

        public boolean sees(String assignee, String queue) {
            return !restricted || login.equals(assignee) || (assignee == null && queue != null && queues.contains(queue));
        }
    }
}
