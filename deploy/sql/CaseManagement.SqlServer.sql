IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NULL,
        [IsDisabled] bit NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [LastAuthenticatorStep] bigint NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [Sequence] bigint NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [UserId] uniqueidentifier NULL,
        [ClientId] nvarchar(100) NULL,
        [Action] nvarchar(40) NOT NULL,
        [EntityType] nvarchar(200) NOT NULL,
        [EntityId] uniqueidentifier NULL,
        [Outcome] nvarchar(20) NOT NULL,
        [PreviousHash] varbinary(32) NOT NULL,
        [Hash] varbinary(32) NOT NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [OpenIddictApplications] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationType] nvarchar(50) NULL,
        [ClientId] nvarchar(100) NULL,
        [ClientSecret] nvarchar(max) NULL,
        [ClientType] nvarchar(50) NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [ConsentType] nvarchar(50) NULL,
        [DisplayName] nvarchar(max) NULL,
        [DisplayNames] nvarchar(max) NULL,
        [JsonWebKeySet] nvarchar(max) NULL,
        [Permissions] nvarchar(max) NULL,
        [PostLogoutRedirectUris] nvarchar(max) NULL,
        [Properties] nvarchar(max) NULL,
        [RedirectUris] nvarchar(max) NULL,
        [Requirements] nvarchar(max) NULL,
        [Settings] nvarchar(max) NULL,
        CONSTRAINT [PK_OpenIddictApplications] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [OpenIddictScopes] (
        [Id] uniqueidentifier NOT NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [Description] nvarchar(max) NULL,
        [Descriptions] nvarchar(max) NULL,
        [DisplayName] nvarchar(max) NULL,
        [DisplayNames] nvarchar(max) NULL,
        [Name] nvarchar(200) NULL,
        [Properties] nvarchar(max) NULL,
        [Resources] nvarchar(max) NULL,
        CONSTRAINT [PK_OpenIddictScopes] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [OrganisationKeys] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [Version] int NOT NULL,
        [WrappedKey] varbinary(60) NOT NULL,
        [MasterKeyId] nvarchar(16) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_OrganisationKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [Organisations] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [IsDisabled] bit NOT NULL,
        CONSTRAINT [PK_Organisations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] uniqueidentifier NOT NULL,
        [RoleId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] uniqueidentifier NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [OpenIddictAuthorizations] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [CreationDate] datetime2 NULL,
        [Properties] nvarchar(max) NULL,
        [Scopes] nvarchar(max) NULL,
        [Status] nvarchar(50) NULL,
        [Subject] nvarchar(400) NULL,
        [Type] nvarchar(50) NULL,
        CONSTRAINT [PK_OpenIddictAuthorizations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OpenIddictAuthorizations_OpenIddictApplications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [OpenIddictApplications] ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [Beneficiaries] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [Version] int NOT NULL,
        [RegisteredAt] datetimeoffset NOT NULL,
        [Sex] nvarchar(40) NOT NULL,
        [AgeBandAtIdentification] nvarchar(40) NOT NULL,
        [MinorAtIdentification] bit NOT NULL,
        [ExploitationTypes] int NOT NULL,
        [CountryOfExploitation] nvarchar(2) NULL,
        [YearOfIdentification] int NOT NULL,
        [ReferralSource] nvarchar(40) NOT NULL,
        [AddressCipher] varbinary(max) NULL,
        [AliasesCipher] varbinary(max) NULL,
        [CitizenshipCipher] varbinary(max) NULL,
        [DataKeyVersion] int NOT NULL,
        [DateOfBirthCipher] varbinary(max) NULL,
        [DateOfBirthIndex] int NULL,
        [FullNameCipher] varbinary(max) NULL,
        [FullNameIndex] int NULL,
        [NationalIdCipher] varbinary(max) NULL,
        [NationalIdIndex] int NULL,
        [NotesCipher] varbinary(max) NULL,
        [PhoneCipher] varbinary(max) NULL,
        CONSTRAINT [PK_Beneficiaries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Beneficiaries_Organisations_OrganisationId] FOREIGN KEY ([OrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [OpenIddictTokens] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NULL,
        [AuthorizationId] uniqueidentifier NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [CreationDate] datetime2 NULL,
        [ExpirationDate] datetime2 NULL,
        [Payload] nvarchar(max) NULL,
        [Properties] nvarchar(max) NULL,
        [RedemptionDate] datetime2 NULL,
        [ReferenceId] nvarchar(100) NULL,
        [Status] nvarchar(50) NULL,
        [Subject] nvarchar(400) NULL,
        [Type] nvarchar(150) NULL,
        CONSTRAINT [PK_OpenIddictTokens] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OpenIddictTokens_OpenIddictApplications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [OpenIddictApplications] ([Id]),
        CONSTRAINT [FK_OpenIddictTokens_OpenIddictAuthorizations_AuthorizationId] FOREIGN KEY ([AuthorizationId]) REFERENCES [OpenIddictAuthorizations] ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [Cases] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [BeneficiaryId] uniqueidentifier NOT NULL,
        [Version] int NOT NULL,
        [Status] nvarchar(40) NOT NULL,
        [AssignedWorkerId] uniqueidentifier NULL,
        [OpenedOn] date NOT NULL,
        [ClosedOn] date NULL,
        [ClosureReason] nvarchar(40) NULL,
        [ClosureNoteCipher] varbinary(max) NULL,
        [DataKeyVersion] int NOT NULL,
        CONSTRAINT [PK_Cases] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Cases_Beneficiaries_BeneficiaryId] FOREIGN KEY ([BeneficiaryId]) REFERENCES [Beneficiaries] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Cases_Organisations_OrganisationId] FOREIGN KEY ([OrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [CaseCounsellors] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [DesignatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CaseCounsellors] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CaseCounsellors_Cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [Cases] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [CaseNotes] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        [AuthorId] uniqueidentifier NOT NULL,
        [Sensitivity] nvarchar(40) NOT NULL,
        [WrittenAt] datetimeoffset NOT NULL,
        [ContentCipher] varbinary(max) NULL,
        [DataKeyVersion] int NOT NULL,
        CONSTRAINT [PK_CaseNotes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CaseNotes_Cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [Cases] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE TABLE [ServiceEpisodes] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        [Type] nvarchar(40) NOT NULL,
        [StartDate] date NOT NULL,
        [EndDate] date NULL,
        [Status] nvarchar(40) NOT NULL,
        CONSTRAINT [PK_ServiceEpisodes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ServiceEpisodes_Cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [Cases] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_OrganisationId_EntityId] ON [AuditEntries] ([OrganisationId], [EntityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AuditEntries_OrganisationId_Sequence] ON [AuditEntries] ([OrganisationId], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_Beneficiaries_OrganisationId_DataKeyVersion] ON [Beneficiaries] ([OrganisationId], [DataKeyVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_Beneficiaries_OrganisationId_DateOfBirthIndex] ON [Beneficiaries] ([OrganisationId], [DateOfBirthIndex]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_Beneficiaries_OrganisationId_FullNameIndex] ON [Beneficiaries] ([OrganisationId], [FullNameIndex]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_Beneficiaries_OrganisationId_NationalIdIndex] ON [Beneficiaries] ([OrganisationId], [NationalIdIndex]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_Beneficiaries_OrganisationId_YearOfIdentification] ON [Beneficiaries] ([OrganisationId], [YearOfIdentification]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CaseCounsellors_CaseId_UserId] ON [CaseCounsellors] ([CaseId], [UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_CaseNotes_CaseId_Id] ON [CaseNotes] ([CaseId], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_CaseNotes_OrganisationId_DataKeyVersion] ON [CaseNotes] ([OrganisationId], [DataKeyVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_Cases_BeneficiaryId] ON [Cases] ([BeneficiaryId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_Cases_OrganisationId_AssignedWorkerId] ON [Cases] ([OrganisationId], [AssignedWorkerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_Cases_OrganisationId_DataKeyVersion] ON [Cases] ([OrganisationId], [DataKeyVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_Cases_OrganisationId_Status] ON [Cases] ([OrganisationId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_OpenIddictApplications_ClientId] ON [OpenIddictApplications] ([ClientId]) WHERE [ClientId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_OpenIddictAuthorizations_ApplicationId_Status_Subject_Type] ON [OpenIddictAuthorizations] ([ApplicationId], [Status], [Subject], [Type]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_OpenIddictScopes_Name] ON [OpenIddictScopes] ([Name]) WHERE [Name] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_OpenIddictTokens_ApplicationId_Status_Subject_Type] ON [OpenIddictTokens] ([ApplicationId], [Status], [Subject], [Type]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_OpenIddictTokens_AuthorizationId] ON [OpenIddictTokens] ([AuthorizationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_OpenIddictTokens_ReferenceId] ON [OpenIddictTokens] ([ReferenceId]) WHERE [ReferenceId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OrganisationKeys_OrganisationId_Version] ON [OrganisationKeys] ([OrganisationId], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Organisations_Name] ON [Organisations] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_ServiceEpisodes_CaseId] ON [ServiceEpisodes] ([CaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    CREATE INDEX [IX_ServiceEpisodes_OrganisationId_Type_StartDate_EndDate] ON [ServiceEpisodes] ([OrganisationId], [Type], [StartDate], [EndDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128130130_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128130130_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129060156_AuditChainHeadsAndAliasIndexes'
)
BEGIN
    CREATE TABLE [AliasIndexEntries] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [BeneficiaryId] uniqueidentifier NOT NULL,
        [Value] int NOT NULL,
        CONSTRAINT [PK_AliasIndexEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AliasIndexEntries_Beneficiaries_BeneficiaryId] FOREIGN KEY ([BeneficiaryId]) REFERENCES [Beneficiaries] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129060156_AuditChainHeadsAndAliasIndexes'
)
BEGIN
    CREATE TABLE [AuditChainHeads] (
        [OrganisationId] uniqueidentifier NOT NULL,
        [Sequence] bigint NOT NULL,
        [Hash] varbinary(32) NOT NULL,
        CONSTRAINT [PK_AuditChainHeads] PRIMARY KEY ([OrganisationId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129060156_AuditChainHeadsAndAliasIndexes'
)
BEGIN
    CREATE INDEX [IX_AliasIndexEntries_BeneficiaryId] ON [AliasIndexEntries] ([BeneficiaryId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129060156_AuditChainHeadsAndAliasIndexes'
)
BEGIN
    CREATE INDEX [IX_AliasIndexEntries_OrganisationId_Value] ON [AliasIndexEntries] ([OrganisationId], [Value]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129060156_AuditChainHeadsAndAliasIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129060156_AuditChainHeadsAndAliasIndexes', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129070758_StaffInvitations'
)
BEGIN
    CREATE TABLE [StaffInvitations] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [TokenHash] varbinary(32) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [ExpiresAt] datetimeoffset NOT NULL,
        [CreatedBy] uniqueidentifier NULL,
        [Status] nvarchar(40) NOT NULL,
        [EndedAt] datetimeoffset NULL,
        CONSTRAINT [PK_StaffInvitations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_StaffInvitations_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129070758_StaffInvitations'
)
BEGIN
    CREATE UNIQUE INDEX [IX_StaffInvitations_TokenHash] ON [StaffInvitations] ([TokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129070758_StaffInvitations'
)
BEGIN
    CREATE INDEX [IX_StaffInvitations_UserId_Status] ON [StaffInvitations] ([UserId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129070758_StaffInvitations'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129070758_StaffInvitations', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129082501_StaffAddresses'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [SealedEmail] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129082501_StaffAddresses'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129082501_StaffAddresses', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    ALTER TABLE [Cases] ADD [LastActivityOn] date NOT NULL DEFAULT '0001-01-01';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    UPDATE c SET [LastActivityOn] = x.[Latest] FROM [Cases] c CROSS APPLY (SELECT MAX(v.[d]) AS [Latest] FROM (VALUES (c.[OpenedOn]), (c.[ClosedOn]), ((SELECT MAX(e.[StartDate]) FROM [ServiceEpisodes] e WHERE e.[CaseId] = c.[Id])), ((SELECT MAX(e.[EndDate]) FROM [ServiceEpisodes] e WHERE e.[CaseId] = c.[Id])), ((SELECT MAX(CAST(SWITCHOFFSET(n.[WrittenAt], '+00:00') AS date)) FROM [CaseNotes] n WHERE n.[CaseId] = c.[Id]))) AS v([d])) x;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE TABLE [Attendances] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        [EpisodeId] uniqueidentifier NOT NULL,
        [Date] date NOT NULL,
        [Activity] nvarchar(40) NOT NULL,
        CONSTRAINT [PK_Attendances] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Attendances_ServiceEpisodes_EpisodeId] FOREIGN KEY ([EpisodeId]) REFERENCES [ServiceEpisodes] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE TABLE [CounsellingDetails] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        [EpisodeId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        CONSTRAINT [PK_CounsellingDetails] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CounsellingDetails_ServiceEpisodes_EpisodeId] FOREIGN KEY ([EpisodeId]) REFERENCES [ServiceEpisodes] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE TABLE [CounsellingSessions] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        [EpisodeId] uniqueidentifier NOT NULL,
        [Date] date NOT NULL,
        [DurationMinutes] int NOT NULL,
        [CounsellorId] uniqueidentifier NOT NULL,
        [NoteId] uniqueidentifier NULL,
        CONSTRAINT [PK_CounsellingSessions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CounsellingSessions_CaseNotes_NoteId] FOREIGN KEY ([NoteId]) REFERENCES [CaseNotes] ([Id]),
        CONSTRAINT [FK_CounsellingSessions_ServiceEpisodes_EpisodeId] FOREIGN KEY ([EpisodeId]) REFERENCES [ServiceEpisodes] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE TABLE [Facilities] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [Version] int NOT NULL,
        [Places] int NOT NULL,
        [Active] bit NOT NULL,
        [AddressCipher] varbinary(max) NULL,
        [DataKeyVersion] int NOT NULL,
        [NameCipher] varbinary(max) NULL,
        CONSTRAINT [PK_Facilities] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Facilities_Organisations_OrganisationId] FOREIGN KEY ([OrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE TABLE [FollowUps] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        [EpisodeId] uniqueidentifier NOT NULL,
        [DueOn] date NOT NULL,
        [DoneOn] date NULL,
        [DataKeyVersion] int NOT NULL,
        [NoteCipher] varbinary(max) NULL,
        [PurposeCipher] varbinary(max) NULL,
        CONSTRAINT [PK_FollowUps] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_FollowUps_ServiceEpisodes_EpisodeId] FOREIGN KEY ([EpisodeId]) REFERENCES [ServiceEpisodes] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE TABLE [LabourSteps] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        [EpisodeId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [Date] date NOT NULL,
        [Outcome] nvarchar(40) NULL,
        [OutcomeOn] date NULL,
        [DataKeyVersion] int NOT NULL,
        [EmployerNameCipher] varbinary(max) NULL,
        [TitleCipher] varbinary(max) NULL,
        CONSTRAINT [PK_LabourSteps] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_LabourSteps_ServiceEpisodes_EpisodeId] FOREIGN KEY ([EpisodeId]) REFERENCES [ServiceEpisodes] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE TABLE [LegalCases] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        [ServiceEpisodeId] uniqueidentifier NULL,
        [Version] int NOT NULL,
        [AssignedLawyerId] uniqueidentifier NOT NULL,
        [VenueKind] nvarchar(40) NOT NULL,
        [OffenceCategory] nvarchar(60) NOT NULL,
        [Stage] nvarchar(40) NOT NULL,
        [ProceduralRole] nvarchar(40) NOT NULL,
        [AmountClaimed] decimal(18,2) NULL,
        [AmountAwarded] decimal(18,2) NULL,
        [AmountPaid] decimal(18,2) NULL,
        [Currency] nvarchar(3) NULL,
        [OpenedOn] date NOT NULL,
        [DataKeyVersion] int NOT NULL,
        [FileNumberCipher] varbinary(max) NULL,
        [VenueNameCipher] varbinary(max) NULL,
        [ProtectiveMeasures] int NOT NULL,
        CONSTRAINT [PK_LegalCases] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_LegalCases_Cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [Cases] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_LegalCases_ServiceEpisodes_ServiceEpisodeId] FOREIGN KEY ([ServiceEpisodeId]) REFERENCES [ServiceEpisodes] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE TABLE [Notifications] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [RecipientId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [Key] nvarchar(120) NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        [SubjectId] uniqueidentifier NOT NULL,
        [DueOn] date NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [ReadAt] datetimeoffset NULL,
        [MailedAt] datetimeoffset NULL,
        CONSTRAINT [PK_Notifications] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Notifications_Cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [Cases] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE TABLE [ReintegrationGoals] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        [EpisodeId] uniqueidentifier NOT NULL,
        [Area] nvarchar(40) NOT NULL,
        [TargetDate] date NULL,
        [Status] nvarchar(40) NOT NULL,
        [StatusOn] date NOT NULL,
        [DataKeyVersion] int NOT NULL,
        [DescriptionCipher] varbinary(max) NULL,
        CONSTRAINT [PK_ReintegrationGoals] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReintegrationGoals_ServiceEpisodes_EpisodeId] FOREIGN KEY ([EpisodeId]) REFERENCES [ServiceEpisodes] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE TABLE [Repatriations] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        [EpisodeId] uniqueidentifier NOT NULL,
        [Version] int NOT NULL,
        [FromCountry] nvarchar(2) NOT NULL,
        [ToCountry] nvarchar(2) NOT NULL,
        [PartnerKind] nvarchar(40) NOT NULL,
        [PlannedTravelOn] date NULL,
        [ActualTravelOn] date NULL,
        [Status] nvarchar(40) NOT NULL,
        [DataKeyVersion] int NOT NULL,
        [PartnerContactCipher] varbinary(max) NULL,
        [PartnerNameCipher] varbinary(max) NULL,
        CONSTRAINT [PK_Repatriations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Repatriations_ServiceEpisodes_EpisodeId] FOREIGN KEY ([EpisodeId]) REFERENCES [ServiceEpisodes] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE TABLE [Admissions] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        [EpisodeId] uniqueidentifier NOT NULL,
        [FacilityId] uniqueidentifier NOT NULL,
        [AdmittedOn] date NOT NULL,
        [DischargedOn] date NULL,
        CONSTRAINT [PK_Admissions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Admissions_Facilities_FacilityId] FOREIGN KEY ([FacilityId]) REFERENCES [Facilities] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Admissions_ServiceEpisodes_EpisodeId] FOREIGN KEY ([EpisodeId]) REFERENCES [ServiceEpisodes] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE TABLE [Hearings] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [LegalCaseId] uniqueidentifier NOT NULL,
        [Version] int NOT NULL,
        [ScheduledAt] datetimeoffset NOT NULL,
        [OutcomeRecordedAt] datetimeoffset NULL,
        [CourtCipher] varbinary(max) NULL,
        [DataKeyVersion] int NOT NULL,
        [OutcomeCipher] varbinary(max) NULL,
        [PurposeCipher] varbinary(max) NULL,
        CONSTRAINT [PK_Hearings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Hearings_LegalCases_LegalCaseId] FOREIGN KEY ([LegalCaseId]) REFERENCES [LegalCases] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE TABLE [LegalStageChanges] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [LegalCaseId] uniqueidentifier NOT NULL,
        [Stage] nvarchar(40) NOT NULL,
        [Date] date NOT NULL,
        [RecordedBy] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_LegalStageChanges] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_LegalStageChanges_LegalCases_LegalCaseId] FOREIGN KEY ([LegalCaseId]) REFERENCES [LegalCases] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE TABLE [PrivilegedNotes] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [LegalCaseId] uniqueidentifier NOT NULL,
        [AuthorId] uniqueidentifier NOT NULL,
        [WrittenAt] datetimeoffset NOT NULL,
        [ContentCipher] varbinary(max) NULL,
        [DataKeyVersion] int NOT NULL,
        CONSTRAINT [PK_PrivilegedNotes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PrivilegedNotes_LegalCases_LegalCaseId] FOREIGN KEY ([LegalCaseId]) REFERENCES [LegalCases] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE TABLE [RepatriationStatusChanges] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [RepatriationId] uniqueidentifier NOT NULL,
        [Status] nvarchar(40) NOT NULL,
        [Date] date NOT NULL,
        CONSTRAINT [PK_RepatriationStatusChanges] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RepatriationStatusChanges_Repatriations_RepatriationId] FOREIGN KEY ([RepatriationId]) REFERENCES [Repatriations] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_Cases_OrganisationId_LastActivityOn] ON [Cases] ([OrganisationId], [LastActivityOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_Admissions_EpisodeId] ON [Admissions] ([EpisodeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_Admissions_FacilityId_DischargedOn] ON [Admissions] ([FacilityId], [DischargedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Attendances_EpisodeId_Date_Activity] ON [Attendances] ([EpisodeId], [Date], [Activity]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CounsellingDetails_EpisodeId] ON [CounsellingDetails] ([EpisodeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_CounsellingSessions_EpisodeId_Date] ON [CounsellingSessions] ([EpisodeId], [Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_CounsellingSessions_NoteId] ON [CounsellingSessions] ([NoteId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_Facilities_OrganisationId_DataKeyVersion] ON [Facilities] ([OrganisationId], [DataKeyVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_FollowUps_EpisodeId_DueOn] ON [FollowUps] ([EpisodeId], [DueOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_FollowUps_OrganisationId_DataKeyVersion] ON [FollowUps] ([OrganisationId], [DataKeyVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_FollowUps_OrganisationId_DueOn_DoneOn] ON [FollowUps] ([OrganisationId], [DueOn], [DoneOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_Hearings_LegalCaseId_ScheduledAt] ON [Hearings] ([LegalCaseId], [ScheduledAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_Hearings_OrganisationId_DataKeyVersion] ON [Hearings] ([OrganisationId], [DataKeyVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_Hearings_OrganisationId_ScheduledAt] ON [Hearings] ([OrganisationId], [ScheduledAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_LabourSteps_EpisodeId_Date] ON [LabourSteps] ([EpisodeId], [Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_LabourSteps_OrganisationId_DataKeyVersion] ON [LabourSteps] ([OrganisationId], [DataKeyVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_LabourSteps_OrganisationId_Kind_Date] ON [LabourSteps] ([OrganisationId], [Kind], [Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_LegalCases_CaseId] ON [LegalCases] ([CaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_LegalCases_OrganisationId_AssignedLawyerId] ON [LegalCases] ([OrganisationId], [AssignedLawyerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_LegalCases_OrganisationId_CaseId] ON [LegalCases] ([OrganisationId], [CaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_LegalCases_OrganisationId_DataKeyVersion] ON [LegalCases] ([OrganisationId], [DataKeyVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_LegalCases_ServiceEpisodeId] ON [LegalCases] ([ServiceEpisodeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_LegalStageChanges_LegalCaseId] ON [LegalStageChanges] ([LegalCaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_Notifications_CaseId] ON [Notifications] ([CaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_Notifications_OrganisationId_RecipientId_ReadAt] ON [Notifications] ([OrganisationId], [RecipientId], [ReadAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Notifications_RecipientId_Key] ON [Notifications] ([RecipientId], [Key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_PrivilegedNotes_LegalCaseId_Id] ON [PrivilegedNotes] ([LegalCaseId], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_PrivilegedNotes_OrganisationId_DataKeyVersion] ON [PrivilegedNotes] ([OrganisationId], [DataKeyVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_ReintegrationGoals_EpisodeId_Id] ON [ReintegrationGoals] ([EpisodeId], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_ReintegrationGoals_OrganisationId_DataKeyVersion] ON [ReintegrationGoals] ([OrganisationId], [DataKeyVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Repatriations_EpisodeId] ON [Repatriations] ([EpisodeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE INDEX [IX_Repatriations_OrganisationId_DataKeyVersion] ON [Repatriations] ([OrganisationId], [DataKeyVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RepatriationStatusChanges_RepatriationId_Status] ON [RepatriationStatusChanges] ([RepatriationId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129101441_ServicesLegalCasesAndReminders'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129101441_ServicesLegalCasesAndReminders', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Notifications]') AND [c].[name] = N'CaseId');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [Notifications] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [Notifications] ALTER COLUMN [CaseId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    CREATE TABLE [Consents] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [ConsentId] uniqueidentifier NOT NULL,
        [Number] int NOT NULL,
        [Version] int NOT NULL,
        [BeneficiaryId] uniqueidentifier NOT NULL,
        [Scope] nvarchar(40) NOT NULL,
        [RecipientOrganisationId] uniqueidentifier NULL,
        [PurposesMask] int NOT NULL,
        [DataItems] int NOT NULL,
        [Form] nvarchar(40) NOT NULL,
        [GivenOn] date NOT NULL,
        [WithdrawnOn] date NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        [RecordedBy] uniqueidentifier NOT NULL,
        [IsCurrent] bit NOT NULL,
        [DataKeyVersion] int NOT NULL,
        [DocumentReferenceCipher] varbinary(max) NULL,
        [WitnessCipher] varbinary(max) NULL,
        CONSTRAINT [PK_Consents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Consents_Beneficiaries_BeneficiaryId] FOREIGN KEY ([BeneficiaryId]) REFERENCES [Beneficiaries] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Consents_Organisations_RecipientOrganisationId] FOREIGN KEY ([RecipientOrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    CREATE TABLE [Referrals] (
        [Id] uniqueidentifier NOT NULL,
        [Version] int NOT NULL,
        [SenderOrganisationId] uniqueidentifier NOT NULL,
        [RecipientOrganisationId] uniqueidentifier NOT NULL,
        [SenderCaseId] uniqueidentifier NOT NULL,
        [ConsentId] uniqueidentifier NOT NULL,
        [ServicesMask] int NOT NULL,
        [Urgency] nvarchar(40) NOT NULL,
        [Sex] nvarchar(40) NOT NULL,
        [AgeBand] nvarchar(40) NOT NULL,
        [Shared] int NOT NULL,
        [Status] nvarchar(40) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [ExpiresAt] datetimeoffset NOT NULL,
        [AnsweredAt] datetimeoffset NULL,
        [CompletedAt] datetimeoffset NULL,
        [DeclineReason] nvarchar(40) NULL,
        [ConsentWithdrawn] bit NOT NULL,
        [RecipientBeneficiaryId] uniqueidentifier NULL,
        [RecipientCaseId] uniqueidentifier NULL,
        [RecipientBeneficiaryCreated] bit NOT NULL,
        CONSTRAINT [PK_Referrals] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Referrals_Organisations_RecipientOrganisationId] FOREIGN KEY ([RecipientOrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Referrals_Organisations_SenderOrganisationId] FOREIGN KEY ([SenderOrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    CREATE TABLE [ReferralShares] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [Payload] varbinary(max) NOT NULL,
        [WrappedKey] varbinary(max) NULL,
        [WrappingKeyVersion] int NOT NULL,
        [KeyDestroyedAt] datetimeoffset NULL,
        CONSTRAINT [PK_ReferralShares] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReferralShares_Referrals_Id] FOREIGN KEY ([Id]) REFERENCES [Referrals] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    CREATE TABLE [ReferralUpdates] (
        [Id] uniqueidentifier NOT NULL,
        [ReferralId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [Service] nvarchar(40) NULL,
        [On] date NOT NULL,
        [PostedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_ReferralUpdates] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReferralUpdates_Referrals_ReferralId] FOREIGN KEY ([ReferralId]) REFERENCES [Referrals] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    CREATE TABLE [SentReferrals] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [CreatedBy] uniqueidentifier NOT NULL,
        [IdempotencyKey] nvarchar(100) NOT NULL,
        [DataKeyVersion] int NOT NULL,
        [ReasonCipher] varbinary(max) NULL,
        [RequestDigestCipher] varbinary(max) NULL,
        CONSTRAINT [PK_SentReferrals] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SentReferrals_Referrals_Id] FOREIGN KEY ([Id]) REFERENCES [Referrals] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    CREATE INDEX [IX_Consents_BeneficiaryId] ON [Consents] ([BeneficiaryId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Consents_ConsentId_Number] ON [Consents] ([ConsentId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    CREATE INDEX [IX_Consents_OrganisationId_BeneficiaryId_IsCurrent] ON [Consents] ([OrganisationId], [BeneficiaryId], [IsCurrent]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    CREATE INDEX [IX_Consents_OrganisationId_DataKeyVersion] ON [Consents] ([OrganisationId], [DataKeyVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    CREATE INDEX [IX_Consents_RecipientOrganisationId] ON [Consents] ([RecipientOrganisationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    CREATE INDEX [IX_Referrals_ConsentId] ON [Referrals] ([ConsentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    CREATE INDEX [IX_Referrals_RecipientCaseId] ON [Referrals] ([RecipientCaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    CREATE INDEX [IX_Referrals_RecipientOrganisationId_Status] ON [Referrals] ([RecipientOrganisationId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    CREATE INDEX [IX_Referrals_SenderCaseId] ON [Referrals] ([SenderCaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    CREATE INDEX [IX_Referrals_SenderOrganisationId_Status] ON [Referrals] ([SenderOrganisationId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    CREATE INDEX [IX_ReferralUpdates_ReferralId] ON [ReferralUpdates] ([ReferralId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SentReferrals_OrganisationId_CreatedBy_IdempotencyKey] ON [SentReferrals] ([OrganisationId], [CreatedBy], [IdempotencyKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    CREATE INDEX [IX_SentReferrals_OrganisationId_DataKeyVersion] ON [SentReferrals] ([OrganisationId], [DataKeyVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129132209_ReferralsAndConsents'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129132209_ReferralsAndConsents', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129140117_CampaignsAndTrainings'
)
BEGIN
    CREATE TABLE [PreventionCampaigns] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [StartsOn] date NOT NULL,
        [EndsOn] date NOT NULL,
        [Channel] nvarchar(40) NOT NULL,
        [PeopleReached] int NOT NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        [DataKeyVersion] int NOT NULL,
        [NameCipher] varbinary(max) NULL,
        CONSTRAINT [PK_PreventionCampaigns] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PreventionCampaigns_Organisations_OrganisationId] FOREIGN KEY ([OrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129140117_CampaignsAndTrainings'
)
BEGIN
    CREATE TABLE [TrainingSessions] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [Date] date NOT NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        [DataKeyVersion] int NOT NULL,
        [TopicCipher] varbinary(max) NULL,
        CONSTRAINT [PK_TrainingSessions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TrainingSessions_Organisations_OrganisationId] FOREIGN KEY ([OrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129140117_CampaignsAndTrainings'
)
BEGIN
    CREATE TABLE [TrainingParticipants] (
        [SessionId] uniqueidentifier NOT NULL,
        [Category] nvarchar(40) NOT NULL,
        [Count] int NOT NULL,
        CONSTRAINT [PK_TrainingParticipants] PRIMARY KEY ([SessionId], [Category]),
        CONSTRAINT [FK_TrainingParticipants_TrainingSessions_SessionId] FOREIGN KEY ([SessionId]) REFERENCES [TrainingSessions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129140117_CampaignsAndTrainings'
)
BEGIN
    CREATE INDEX [IX_PreventionCampaigns_OrganisationId_DataKeyVersion] ON [PreventionCampaigns] ([OrganisationId], [DataKeyVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129140117_CampaignsAndTrainings'
)
BEGIN
    CREATE INDEX [IX_PreventionCampaigns_OrganisationId_StartsOn_EndsOn] ON [PreventionCampaigns] ([OrganisationId], [StartsOn], [EndsOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129140117_CampaignsAndTrainings'
)
BEGIN
    CREATE INDEX [IX_TrainingSessions_OrganisationId_DataKeyVersion] ON [TrainingSessions] ([OrganisationId], [DataKeyVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129140117_CampaignsAndTrainings'
)
BEGIN
    CREATE INDEX [IX_TrainingSessions_OrganisationId_Date] ON [TrainingSessions] ([OrganisationId], [Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129140117_CampaignsAndTrainings'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129140117_CampaignsAndTrainings', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129153323_StatisticsReleases'
)
BEGIN
    CREATE TABLE [StatisticsReleases] (
        [Id] uniqueidentifier NOT NULL,
        [Period] nvarchar(7) NOT NULL,
        [PeriodEnd] date NOT NULL,
        [Revision] int NOT NULL,
        [FrozenAt] datetimeoffset NOT NULL,
        [Threshold] int NOT NULL,
        [Epsilon] float NULL,
        [Tables] nvarchar(400) NOT NULL,
        [Content] varbinary(max) NOT NULL,
        [ContentHash] nvarchar(64) NOT NULL,
        [SourceFingerprint] nvarchar(64) NOT NULL,
        CONSTRAINT [PK_StatisticsReleases] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129153323_StatisticsReleases'
)
BEGIN
    CREATE UNIQUE INDEX [IX_StatisticsReleases_Period_Revision] ON [StatisticsReleases] ([Period], [Revision]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129153323_StatisticsReleases'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129153323_StatisticsReleases', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129170314_PlatformPseudonyms'
)
BEGIN
    ALTER TABLE [Beneficiaries] ADD [SealedPlatformPseudonym] varbinary(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129170314_PlatformPseudonyms'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129170314_PlatformPseudonyms', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129185820_ReferralPlatformPseudonym'
)
BEGIN
    ALTER TABLE [Referrals] ADD [SealedPlatformPseudonym] varbinary(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129185820_ReferralPlatformPseudonym'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129185820_ReferralPlatformPseudonym', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129190837_ReleaseShares'
)
BEGIN
    ALTER TABLE [StatisticsReleases] ADD [SealedShares] varbinary(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261129190837_ReleaseShares'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261129190837_ReleaseShares', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207002145_Retention'
)
BEGIN
    ALTER TABLE [Organisations] ADD [RetentionYearsAfterClosure] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207002145_Retention'
)
BEGIN
    ALTER TABLE [Beneficiaries] ADD [AnonymisedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207002145_Retention'
)
BEGIN
    ALTER TABLE [Beneficiaries] ADD [LegalHold] nvarchar(40) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207002145_Retention'
)
BEGIN
    ALTER TABLE [Beneficiaries] ADD [LegalHoldSince] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207002145_Retention'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207002145_Retention', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207093035_WebSessions'
)
BEGIN
    CREATE TABLE [WebSessions] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [Ticket] varbinary(max) NOT NULL,
        [ExpiresAt] bigint NOT NULL,
        CONSTRAINT [PK_WebSessions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WebSessions_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207093035_WebSessions'
)
BEGIN
    CREATE INDEX [IX_WebSessions_ExpiresAt] ON [WebSessions] ([ExpiresAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207093035_WebSessions'
)
BEGIN
    CREATE INDEX [IX_WebSessions_UserId] ON [WebSessions] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207093035_WebSessions'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207093035_WebSessions', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207114427_Passkeys'
)
BEGIN
    CREATE TABLE [AspNetUserPasskeys] (
        [CredentialId] varbinary(1024) NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [Data] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_AspNetUserPasskeys] PRIMARY KEY ([CredentialId]),
        CONSTRAINT [FK_AspNetUserPasskeys_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207114427_Passkeys'
)
BEGIN
    CREATE TABLE [PasskeyChallenges] (
        [Id] varbinary(32) NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [Purpose] nvarchar(16) NOT NULL,
        [SecurityStamp] nvarchar(256) NOT NULL,
        [State] nvarchar(max) NOT NULL,
        [ExpiresAt] bigint NOT NULL,
        CONSTRAINT [PK_PasskeyChallenges] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PasskeyChallenges_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207114427_Passkeys'
)
BEGIN
    CREATE INDEX [IX_AspNetUserPasskeys_UserId] ON [AspNetUserPasskeys] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207114427_Passkeys'
)
BEGIN
    CREATE INDEX [IX_PasskeyChallenges_ExpiresAt] ON [PasskeyChallenges] ([ExpiresAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207114427_Passkeys'
)
BEGIN
    CREATE INDEX [IX_PasskeyChallenges_UserId_Purpose] ON [PasskeyChallenges] ([UserId], [Purpose]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207114427_Passkeys'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207114427_Passkeys', N'10.0.15');
END;

COMMIT;
GO

