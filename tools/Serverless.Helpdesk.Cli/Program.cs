using Serverless.Helpdesk.Cli;

return await HelpdeskCli.RunAsync(args);
