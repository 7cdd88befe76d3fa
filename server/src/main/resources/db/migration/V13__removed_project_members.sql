-- The version a removed project membership had reached. A principal added to the project again
-- continues from it, so an ETag of the removed membership never matches the new one: a client
-- holding it gets 412, not a silent change to a membership it never saw.
create table project_member_removed (
    workspace_id varchar(40) not null,
    project_id   varchar(40) not null,
    principal_id varchar(40) not null,
    last_version bigint      not null,
    primary key (workspace_id, project_id, principal_id),
    foreign key (workspace_id, project_id) references project (workspace_id, id) on delete cascade
);
