using Serverless.Classification.Model;
using Serverless.Runtime.Hosting;

namespace Serverless.Mail.Classification;

/// <summary>Loads a model file named by a setting: a missing file names the setting, a bad one names the file.</summary>
internal static class ModelFiles
{
    public static TextClassifier Load(string path, string setting)
    {
        var file = RepositoryFiles.Resolve(path)
            ?? throw new FileNotFoundException($"The model '{path}' was not found ({setting}).", path);
        using var stream = File.OpenRead(file);
        try
        {
            return TextClassifier.Load(stream);
        }
        catch (ModelFormatException e)
        {
            // The library sees a stream only; the file name is what the operator needs to act on the message.
            throw new ModelFormatException($"{file}: {e.Message}", e);
        }
    }
}
