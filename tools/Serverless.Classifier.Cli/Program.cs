using Serverless.Classifier.Cli;

return CliApp.Run(args, Console.Out, Console.Error);
