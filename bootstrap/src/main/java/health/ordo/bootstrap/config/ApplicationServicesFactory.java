package health.ordo.bootstrap.config;

import health.ordo.application.port.out.transaction.TransactionPort;
import health.ordo.application.port.out.user.LoadUserAccountPort;
import health.ordo.application.port.out.user.PasswordHashingPort;
import health.ordo.application.port.out.user.SaveTenantPort;
import health.ordo.application.port.out.workitem.AppendEventsPort;
import health.ordo.application.port.out.workitem.FindWorkItemsPort;
import health.ordo.application.port.out.workitem.LoadWorkItemPort;
import health.ordo.application.port.out.workitem.SaveWorkItemPort;
import health.ordo.application.service.user.TenantProvisioningService;
import health.ordo.application.service.user.UserAuthenticationService;
import health.ordo.application.service.workitem.WorkItemIngestionService;
import health.ordo.application.service.workitem.WorkItemLifecycleService;
import health.ordo.application.service.workitem.WorkItemQueryService;
import health.ordo.domain.priority.BaselinePriorityPolicy;
import health.ordo.domain.priority.PriorityPolicy;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one place where the framework-free application services meet their adapters. */
@Factory
class ApplicationServicesFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    PriorityPolicy priorityPolicy() {
        return new BaselinePriorityPolicy();
    }

    @Singleton
    WorkItemIngestionService workItemIngestionService(LoadWorkItemPort load, SaveWorkItemPort save, AppendEventsPort events,
                                                      TransactionPort transactions, PriorityPolicy policy, Clock clock) {
        return new WorkItemIngestionService(load, save, events, transactions, policy, clock);
    }

    @Singleton
    WorkItemQueryService workItemQueryService(LoadWorkItemPort load, FindWorkItemsPort find, TransactionPort transactions) {
        return new WorkItemQueryService(load, find, transactions);
    }

    @Singleton
    WorkItemLifecycleService workItemLifecycleService(LoadWorkItemPort load, SaveWorkItemPort save, AppendEventsPort events,
                                                      TransactionPort transactions, PriorityPolicy policy, Clock clock) {
        return new WorkItemLifecycleService(load, save, events, transactions, policy, clock);
    }

    @Singleton
    UserAuthenticationService userAuthenticationService(LoadUserAccountPort load, PasswordHashingPort hashing,
                                                        TransactionPort transactions) {
        return new UserAuthenticationService(load, hashing, transactions);
    }

    @Singleton
    TenantProvisioningService tenantProvisioningService(SaveTenantPort save, PasswordHashingPort hashing,
                                                        TransactionPort transactions) {
        return new TenantProvisioningService(save, hashing, transactions);
    }
}
