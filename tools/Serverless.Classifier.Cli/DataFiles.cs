using Serverless.Classification.Data;
using Serverless.Classification.Model;

namespace Serverless.Classifier.Cli;

/// <summary>The file side of the CLI: the library reads streams, this opens them and names them in errors.</summary>
internal static class DataFiles
{
    public static List<LabeledExample> ReadExamples(string path, string textField, string labelField)
    {
        var format = LabeledDataReader.FormatOf(path);
        using var reader = OpenText(path);
        return LabeledDataReader.Read(reader, path, format, textField, labelField);
    }

    public static TextClassifier ReadModel(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return TextClassifier.Load(stream);
        }
        catch (FileNotFoundException)
        {
            throw new CliFailure($"{path}: model file not found");
        }
        catch (ModelFormatException e)
        {
            throw new CliFailure($"{path}: {e.Message}");
        }
    }

    public static void WriteModel(TextClassifier classifier, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Written beside the target and moved over it, so a failed run never leaves half a model behind.
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            classifier.Save(stream);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static StreamReader OpenText(string path)
    {
        try
        {
            return new StreamReader(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliFailure($"{path}: data file not found");
        }
    }
}
