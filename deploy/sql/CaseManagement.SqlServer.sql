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
    WHERE [MigrationId] = N'20261128111112_Initial'
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
    WHERE [MigrationId] = N'20261128111112_Initial'
)
BEGIN
    CREATE TABLE [Organisations] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Organisations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111112_Initial'
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
    WHERE [MigrationId] = N'20261128111112_Initial'
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
    WHERE [MigrationId] = N'20261128111112_Initial'
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
    WHERE [MigrationId] = N'20261128111112_Initial'
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
    WHERE [MigrationId] = N'20261128111112_Initial'
)
BEGIN
    CREATE INDEX [IX_Beneficiaries_OrganisationId_DataKeyVersion] ON [Beneficiaries] ([OrganisationId], [DataKeyVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111112_Initial'
)
BEGIN
    CREATE INDEX [IX_Beneficiaries_OrganisationId_DateOfBirthIndex] ON [Beneficiaries] ([OrganisationId], [DateOfBirthIndex]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111112_Initial'
)
BEGIN
    CREATE INDEX [IX_Beneficiaries_OrganisationId_FullNameIndex] ON [Beneficiaries] ([OrganisationId], [FullNameIndex]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111112_Initial'
)
BEGIN
    CREATE INDEX [IX_Beneficiaries_OrganisationId_NationalIdIndex] ON [Beneficiaries] ([OrganisationId], [NationalIdIndex]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111112_Initial'
)
BEGIN
    CREATE INDEX [IX_Beneficiaries_OrganisationId_YearOfIdentification] ON [Beneficiaries] ([OrganisationId], [YearOfIdentification]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111112_Initial'
)
BEGIN
    CREATE INDEX [IX_CaseNotes_CaseId_Id] ON [CaseNotes] ([CaseId], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111112_Initial'
)
BEGIN
    CREATE INDEX [IX_CaseNotes_OrganisationId_DataKeyVersion] ON [CaseNotes] ([OrganisationId], [DataKeyVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111112_Initial'
)
BEGIN
    CREATE INDEX [IX_Cases_BeneficiaryId] ON [Cases] ([BeneficiaryId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111112_Initial'
)
BEGIN
    CREATE INDEX [IX_Cases_OrganisationId_AssignedWorkerId] ON [Cases] ([OrganisationId], [AssignedWorkerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111112_Initial'
)
BEGIN
    CREATE INDEX [IX_Cases_OrganisationId_DataKeyVersion] ON [Cases] ([OrganisationId], [DataKeyVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111112_Initial'
)
BEGIN
    CREATE INDEX [IX_Cases_OrganisationId_Status] ON [Cases] ([OrganisationId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111112_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OrganisationKeys_OrganisationId_Version] ON [OrganisationKeys] ([OrganisationId], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111112_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Organisations_Name] ON [Organisations] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111112_Initial'
)
BEGIN
    CREATE INDEX [IX_ServiceEpisodes_CaseId] ON [ServiceEpisodes] ([CaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111112_Initial'
)
BEGIN
    CREATE INDEX [IX_ServiceEpisodes_OrganisationId_Type_StartDate_EndDate] ON [ServiceEpisodes] ([OrganisationId], [Type], [StartDate], [EndDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128111112_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128111112_Initial', N'10.0.15');
END;

COMMIT;
GO

