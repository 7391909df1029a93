package health.ordo.application.service.workitem;

import health.ordo.application.port.in.workitem.PageCursor;
import health.ordo.application.port.in.workitem.WorkItemFilter;
import health.ordo.application.port.in.workitem.WorkItemPage;
import health.ordo.application.port.out.workitem.FindWorkItemsPort;
import health.ordo.application.port.out.workitem.LoadWorkItemPort;
import health.ordo.application.support.DirectTransactions;
import health.ordo.application.support.TestScoring;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.shared.TenantId;
import health.ordo.domain.workitem.Actor;
import health.ordo.domain.workitem.WorkItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static health.ordo.application.support.TestContent.anInvoiceHold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class WorkItemQueryServiceTest {

    private static final TenantId TENANT = TenantId.of("demo");

    @Mock
    LoadWorkItemPort loadPort;
    @Mock
    FindWorkItemsPort findPort;

    private List<WorkItem> items(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> WorkItem.create(TENANT, anInvoiceHold("H" + i), Actor.SYSTEM, Instant.EPOCH))
                .toList();
    }

    @Test
    void givenMoreRowsThanTheLimit_list_returnsAPageAndACursorAfterItsLastItem() {
        WorkItemQueryService service = new WorkItemQueryService(loadPort, findPort, new DirectTransactions(), TestScoring.builtin(java.time.Clock.systemUTC()));
        List<WorkItem> rows = items(3);
        when(findPort.find(TENANT, WorkItemFilter.ANY, null, 3)).thenReturn(rows);

        WorkItemPage page = service.list(TENANT, WorkItemFilter.ANY, null, 2);

        assertThat(page.items()).containsExactlyElementsOf(rows.subList(0, 2));
        assertThat(page.next()).isEqualTo(PageCursor.after(rows.get(1)));
        assertThat(PageCursor.decode(page.next().encode())).isEqualTo(page.next());
    }

    @Test
    void givenLastPage_list_returnsNoCursor() {
        WorkItemQueryService service = new WorkItemQueryService(loadPort, findPort, new DirectTransactions(), TestScoring.builtin(java.time.Clock.systemUTC()));
        PageCursor after = PageCursor.after(items(1).get(0));
        when(findPort.find(TENANT, WorkItemFilter.ANY, after, 11)).thenReturn(items(2));

        WorkItemPage page = service.list(TENANT, WorkItemFilter.ANY, after, 10);

        assertThat(page.items()).hasSize(2);
        assertThat(page.next()).isNull();
        verify(findPort).find(TENANT, WorkItemFilter.ANY, after, 11);
    }

    @Test
    void givenLimitOutOfRange_list_isRefusedNamingLimit() {
        WorkItemQueryService service = new WorkItemQueryService(loadPort, findPort, new DirectTransactions(), TestScoring.builtin(java.time.Clock.systemUTC()));

        assertThatThrownBy(() -> service.list(TENANT, WorkItemFilter.ANY, null, 0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> PageCursor.decode("not-a-cursor"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
}
