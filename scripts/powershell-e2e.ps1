# The PowerShell half of scripts/powershell-e2e.sh (which starts `mailseal run` and passes its addresses in
# MAILSEAL_E2E_* variables): the Exchange administrator's scenario of issue 5, end to end.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$moduleDir = Split-Path $env:MAILSEAL_E2E_MODULE
Import-Module $env:MAILSEAL_E2E_MODULE
# To read the wrapper mail: MimeKit (the module's copy), and the gateway's own default texts and logo.
Add-Type -Path (Join-Path $moduleDir 'MimeKit.dll')
Add-Type -Path (Join-Path $env:MAILSEAL_E2E_CLI_DIR 'Mailseal.Protection.dll')
$defaultTexts = [Mailseal.Protection.Wrapper.WrapperTexts]::For([cultureinfo]'en')
$defaultLogo = [Mailseal.Protection.Branding.DefaultLogo]::GetPng()

$script:sent = 0
$script:checks = 0
function Assert-True([bool] $condition, [string] $what) {
    if (-not $condition) { throw "check failed: $what" }
    $script:checks++
}

function Send-TestMessage {
    $script:sent++
    $client = [System.Net.Mail.SmtpClient]::new('127.0.0.1', [int] $env:MAILSEAL_E2E_SMTP_PORT)
    try {
        $client.Send('ann@contoso.example', 'carol@fabrikam.example', "Quarterly figures $script:sent", "The figures.`r`n")
    } finally {
        $client.Dispose()
    }
}

# Reads a pickup file: the HTML body with whitespace collapsed, the PNG logo, and whether message.html is attached.
function Read-Wrapper([string] $path) {
    $message = [MimeKit.MimeMessage]::Load($path)
    try {
        $html = @($message.BodyParts | Where-Object { $_ -is [MimeKit.TextPart] -and $_.IsHtml })
        $logo = @($message.BodyParts | Where-Object { $_ -is [MimeKit.MimePart] -and $_.ContentType.IsMimeType('image', 'png') })
        if ($html.Count -eq 0 -or $logo.Count -eq 0) { return $null }
        $bytes = [System.IO.MemoryStream]::new()
        $logo[0].Content.DecodeTo($bytes)
        [pscustomobject]@{
            Html           = $html[0].Text -replace '\s+', ' '
            Logo           = $bytes.ToArray()
            HasMessageHtml = [bool] @($message.Attachments | Where-Object { $_.FileName -eq 'message.html' }).Count
        }
    } finally {
        $message.Dispose()
    }
}

# Nodes pick changes up within seconds: send one message at a time until its wrapper shows the change.
function Send-Until([scriptblock] $condition, [string] $what) {
    $outbox = $env:MAILSEAL_E2E_OUTBOX
    $deadline = (Get-Date).AddSeconds(60)
    while ($true) {
        $before = @(if (Test-Path $outbox) { Get-ChildItem $outbox -Filter *.eml | ForEach-Object FullName })
        Send-TestMessage
        $new = @(Get-ChildItem $outbox -Filter *.eml | Where-Object FullName -notin $before)
        Assert-True ($new.Count -eq 1) 'each message leaves exactly one file in the outbox'
        $wrapper = Read-Wrapper $new[0].FullName
        if ($null -ne $wrapper -and (& $condition $wrapper)) { return $wrapper }
        if ((Get-Date) -gt $deadline) { throw "the running gateway never showed $what" }
        Start-Sleep -Milliseconds 250
    }
}

function Same-Bytes([byte[]] $a, [byte[]] $b) { [System.Linq.Enumerable]::SequenceEqual($a, $b) }

Connect-Mailseal -Uri $env:MAILSEAL_E2E_URI -ApiKey $env:MAILSEAL_E2E_KEY
New-AcceptedDomain -DomainName contoso.example | Out-Null

$template = 'OME Configuration'
Set-OMEConfiguration -Identity $template -EmailText 'Contoso secure intro' -DisclaimerText 'Contoso disclaimer' `
    -PortalText 'Contoso portal' -Image (Get-Content $env:MAILSEAL_E2E_LOGO -AsByteStream)
$configured = Get-OMEConfiguration -Identity $template
Assert-True ($configured.PortalText -eq 'Contoso portal') 'Get-OMEConfiguration shows the PortalText'
Assert-True ($null -ne $configured.Image) 'Get-OMEConfiguration shows a logo'

$rule = New-TransportRule -Name 'Encrypt outside' -SentToScope NotInOrganization -ApplyOME $true
Assert-True ($rule.Actions.ApplyOme) 'the rule seals'

$custom = Send-Until { param($w) $w.Html.Contains('Contoso secure intro') } 'the new EmailText'
Assert-True ($custom.Html.Contains('Contoso disclaimer')) 'the wrapper carries the DisclaimerText'
Assert-True (Same-Bytes $custom.Logo $configured.Image) 'the wrapper carries the new logo'
Assert-True $custom.HasMessageHtml 'the wrapper carries message.html'

Set-OMEConfiguration -Identity $template -EmailText ''
Set-OMEConfiguration -Identity $template -Image $null
$reverted = Get-OMEConfiguration -Identity $template
Assert-True ($null -eq $reverted.EmailText -and $null -eq $reverted.Image) 'EmailText "" and Image $null revert the configuration'
Assert-True ($reverted.DisclaimerText -eq 'Contoso disclaimer') 'the DisclaimerText is kept'

$default = Send-Until { param($w) -not $w.Html.Contains('Contoso secure intro') -and (Same-Bytes $w.Logo $defaultLogo) } 'the default text and logo'
Assert-True ($default.Html.Contains($defaultTexts.DefaultEmailText)) 'the wrapper carries the default EmailText again'
Assert-True ($default.Html.Contains('Contoso disclaimer')) 'the wrapper keeps the DisclaimerText'

# The gateway writes its counters in batches (Gateway:Pipeline:TrafficFlushInterval): the report may lag a moment.
$today = (Get-Date).ToUniversalTime().Date
$deadline = (Get-Date).AddSeconds(30)
do {
    $rows = @(Get-MailTrafficPolicyReport -StartDate $today -EndDate $today -RuleName 'Encrypt outside' -Direction Outbound |
        Where-Object Action -eq 'Sealed')
    $counted = [long] ($rows | Measure-Object -Property Messages -Sum).Sum
    if ($counted -ge 2) { break }
    Start-Sleep -Milliseconds 500
} while ((Get-Date) -lt $deadline)
Assert-True ($counted -ge 2 -and $counted -le $script:sent) "Get-MailTrafficPolicyReport counts the sealed messages ($counted of $script:sent)"

Disconnect-Mailseal
"powershell-e2e: passed: $script:checks checks, $script:sent messages sealed, branding set and reverted, $counted counted by the report"
