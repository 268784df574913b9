@{
    RootModule           = 'Mailseal.PowerShell.dll'
    ModuleVersion        = '1.0.0'
    GUID                 = '5b0f3e7c-2d4a-4c69-9a61-8e2f6c1d7a43'
    Author               = 'Mailseal contributors'
    CompanyName          = 'Mailseal'
    Copyright            = 'Copyright Mailseal contributors'
    Description          = 'Administer a Mailseal email encryption gateway with the cmdlets Exchange administrators know.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('Mailseal.Format.ps1xml')
    TypesToProcess       = @('Mailseal.Types.ps1xml')
    CmdletsToExport      = @(
        'Connect-Mailseal', 'Disconnect-Mailseal',
        'Get-OMEConfiguration', 'New-OMEConfiguration', 'Set-OMEConfiguration', 'Remove-OMEConfiguration',
        'Get-TransportRule', 'New-TransportRule', 'Set-TransportRule', 'Remove-TransportRule',
        'Enable-TransportRule', 'Disable-TransportRule', 'Test-TransportRule',
        'Get-AcceptedDomain', 'New-AcceptedDomain', 'Remove-AcceptedDomain',
        'Get-MailsealUser', 'New-MailsealUser', 'Set-MailsealUser', 'Remove-MailsealUser',
        'Get-DkimSigningConfig', 'New-DkimSigningConfig',
        'Get-OMEKey', 'New-OMEKey', 'Set-OMEKey',
        'Get-MailTrafficPolicyReport'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('Mailseal', 'OME', 'Encryption', 'Email', 'Exchange')
            LicenseUri = 'https://github.com/mailseal/mailseal/blob/main/LICENSE'
        }
    }
}
