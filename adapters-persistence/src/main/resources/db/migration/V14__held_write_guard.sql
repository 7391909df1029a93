-- A write the application holds back and sends in front of a later statement (DeferredWrites) cannot answer its row
-- count to the caller; a held write that must change exactly one row checks it here instead: when it did not, the
-- statement fails with SQLSTATE OR001 and the message naming what was expected, and with it the round trip it travels
-- in, so the unit of work rolls back as it would have at its call site. Used for a work item's optimistic version check.
create function ordo_expect_rows(expected bigint, actual bigint, what text) returns bigint
    language plpgsql immutable as $$
begin
    if actual <> expected then
        raise exception using errcode = 'OR001', message = what;
    end if;
    return actual;
end
$$;
