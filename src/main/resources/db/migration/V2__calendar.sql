-- Working-day calendar 工作日历: which years are known, and the exception days of each (holidays and make-up days).
create table cal_year (
    year        integer primary key,
    notice      varchar(300) not null,
    imported_at timestamptz  not null
);

create table cal_day (
    day     date primary key,
    year    integer     not null references cal_year (year) on delete cascade,
    off_day boolean     not null,
    name    varchar(50) not null
);
