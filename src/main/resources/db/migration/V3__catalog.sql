-- Catalog 基础目录. Foreign keys only between catalog tables; they are deferrable so that one CSV import may name a
-- parent that appears on a later line. Rows registered from incoming records are marked verified = false.

create table cat_region (
    code        char(12)     primary key check (code ~ '^[0-9]{12}$'),
    name        varchar(100) not null,
    level       smallint     not null check (level between 1 and 5),
    parent_code char(12)     references cat_region (code) deferrable initially immediate,
    verified    boolean      not null default true,
    created_at  timestamptz  not null default now()
);
create index cat_region_parent on cat_region (parent_code);

-- code: the 18-character unified social credit code 统一社会信用代码; unverified rows keep whatever code arrived.
create table cat_department (
    code        varchar(18)  primary key,
    name        varchar(200) not null,
    region_code char(12)     references cat_region (code) deferrable initially immediate,
    verified    boolean      not null default true,
    created_at  timestamptz  not null default now()
);
create index cat_department_region on cat_department (region_code);

create table cat_institution (
    code        varchar(64)  primary key,
    name        varchar(200) not null,
    kind        varchar(16)  not null check (kind in ('HALL', 'SUB_HALL', 'TOWNSHIP_CENTRE', 'VILLAGE_POINT')),
    region_code char(12)     not null references cat_region (code) deferrable initially immediate,
    parent_code varchar(64)  references cat_institution (code) deferrable initially immediate,
    created_at  timestamptz  not null default now()
);
create index cat_institution_region on cat_institution (region_code);
create index cat_institution_parent on cat_institution (parent_code);

create table cat_window (
    code             varchar(64)  primary key,
    name             varchar(100) not null,
    institution_code varchar(64)  not null references cat_institution (code) deferrable initially immediate,
    created_at       timestamptz  not null default now()
);
create index cat_window_institution on cat_window (institution_code);

-- Personal data only encrypted (SM4-GCM) plus a keyed hash (HMAC-SM3) for look-ups such as the self-rating check.
create table cat_staff (
    staff_no         varchar(64) primary key,
    name_enc         bytea       not null,
    -- the masked form (张*), kept so that views and look-ups need not decrypt
    name_masked      varchar(60) not null,
    id_no_enc        bytea,
    id_no_hash       bytea,
    mobile_enc       bytea,
    mobile_hash      bytea,
    institution_code varchar(64) not null references cat_institution (code) deferrable initially immediate,
    window_code      varchar(64) references cat_window (code) deferrable initially immediate,
    department_code  varchar(18) references cat_department (code) deferrable initially immediate,
    active           boolean     not null default true,
    created_at       timestamptz not null default now()
);
create index cat_staff_institution on cat_staff (institution_code);
create index cat_staff_window on cat_staff (window_code);
create index cat_staff_mobile_hash on cat_staff (mobile_hash);
create index cat_staff_id_no_hash on cat_staff (id_no_hash);

-- code: 实施编码; item_type: GB/T 39046 A.1, null only for unverified items registered from incoming records.
create table cat_service_item (
    code            varchar(33)  primary key,
    basic_code      varchar(10),
    name            varchar(300) not null,
    item_type       char(2)      check (item_type in ('01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '20')),
    department_code varchar(18)  references cat_department (code) deferrable initially immediate,
    promised_days   integer      check (promised_days >= 0),
    verified        boolean      not null default true,
    created_at      timestamptz  not null default now()
);
create index cat_service_item_department on cat_service_item (department_code);

-- Versioned indicator catalog 评价指标: at most one draft at a time; the current table is the highest published one.
create table cat_indicator_version (
    version      integer      primary key,
    status       varchar(10)  not null check (status in ('DRAFT', 'PUBLISHED')),
    note         varchar(300),
    created_at   timestamptz  not null,
    published_at timestamptz
);
create unique index cat_indicator_version_one_draft on cat_indicator_version (status) where status = 'DRAFT';

create table cat_indicator (
    version integer      not null references cat_indicator_version (version) on delete cascade,
    code    varchar(10)  not null,
    level   smallint     not null check (level between 1 and 5),
    family  varchar(10)  not null check (family in ('ONLINE', 'OFFLINE')),
    text    varchar(100) not null,
    primary key (version, code)
);

insert into cat_indicator_version (version, status, note, created_at, published_at)
values (1, 'PUBLISHED', '默认评价指标 default indicator table', now(), now());

-- Codes: first digit = level (5 非常满意 … 1 非常不满意), then 01–09 online, 11–19 offline.
insert into cat_indicator (version, code, level, family, text) values
    (1, '501', 5, 'ONLINE', '办事效率高'),
    (1, '502', 5, 'ONLINE', '办事指南准确清晰'),
    (1, '503', 5, 'ONLINE', '办事便捷'),
    (1, '504', 5, 'ONLINE', '平台操作简便'),
    (1, '505', 5, 'ONLINE', '一次办好不用跑'),
    (1, '511', 5, 'OFFLINE', '服务效率高'),
    (1, '512', 5, 'OFFLINE', '服务态度热情'),
    (1, '513', 5, 'OFFLINE', '业务熟练专业'),
    (1, '514', 5, 'OFFLINE', '办理流程简便'),
    (1, '515', 5, 'OFFLINE', '一次办好不用跑'),
    (1, '401', 4, 'ONLINE', '办事效率较高'),
    (1, '402', 4, 'ONLINE', '办事指南较准确'),
    (1, '403', 4, 'ONLINE', '办事较便捷'),
    (1, '404', 4, 'ONLINE', '平台操作较方便'),
    (1, '411', 4, 'OFFLINE', '服务效率较高'),
    (1, '412', 4, 'OFFLINE', '服务态度较好'),
    (1, '413', 4, 'OFFLINE', '业务较熟练'),
    (1, '414', 4, 'OFFLINE', '办理流程较简便'),
    (1, '301', 3, 'ONLINE', '办事效率一般'),
    (1, '302', 3, 'ONLINE', '办事指南基本准确'),
    (1, '303', 3, 'ONLINE', '办事便捷度一般'),
    (1, '304', 3, 'ONLINE', '平台操作性一般'),
    (1, '311', 3, 'OFFLINE', '服务效率一般'),
    (1, '312', 3, 'OFFLINE', '服务态度一般'),
    (1, '313', 3, 'OFFLINE', '业务水平一般'),
    (1, '314', 3, 'OFFLINE', '办理流程一般'),
    (1, '201', 2, 'ONLINE', '办事效率低'),
    (1, '202', 2, 'ONLINE', '办理流程繁琐'),
    (1, '203', 2, 'ONLINE', '办事材料繁多、要求不明确'),
    (1, '204', 2, 'ONLINE', '跑动次数多、线上线下重复提交'),
    (1, '205', 2, 'ONLINE', '平台操作不便、办事指南不准确'),
    (1, '211', 2, 'OFFLINE', '服务态度差'),
    (1, '212', 2, 'OFFLINE', '服务效率低、业务不熟练'),
    (1, '213', 2, 'OFFLINE', '办理流程繁琐'),
    (1, '214', 2, 'OFFLINE', '办事材料繁多、要求不明确'),
    (1, '215', 2, 'OFFLINE', '跑动次数多、重复提交材料'),
    (1, '101', 1, 'ONLINE', '办事效率很低、服务机制不健全'),
    (1, '102', 1, 'ONLINE', '办理流程复杂混乱'),
    (1, '103', 1, 'ONLINE', '办事材料反复补正'),
    (1, '104', 1, 'ONLINE', '多次跑动仍未办成'),
    (1, '105', 1, 'ONLINE', '平台无法正常操作、办事指南错误'),
    (1, '111', 1, 'OFFLINE', '服务态度恶劣、业务不熟悉'),
    (1, '112', 1, 'OFFLINE', '服务效率很低、服务机制不健全'),
    (1, '113', 1, 'OFFLINE', '办理流程复杂混乱'),
    (1, '114', 1, 'OFFLINE', '办事材料反复补正'),
    (1, '115', 1, 'OFFLINE', '多次往返仍未办成');
