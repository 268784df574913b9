using Mailseal.Cli;

return await MailsealCommandLine.InvokeAsync(args);
