-- Approval requests nobody decides within ordo.approvals.expire-after close as EXPIRED (decided by
-- 'system:approval-expiry', their held secrets dropped). The expiry round finds the tenants with overdue requests
-- through the partial index, then closes them tenant by tenant.
alter table approval_request drop constraint approval_request_status_check;
alter table approval_request add constraint approval_request_status_check
    check (status in ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED'));

create index approval_request_pending_since on approval_request (requested_at) where status = 'PENDING';
