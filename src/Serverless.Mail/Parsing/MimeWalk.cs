using MimeKit;

namespace Serverless.Mail.Parsing;

internal enum WalkEvent
{
    /// <summary>An entity (multipart or leaf); <see cref="WalkStep.Index"/> numbers it.</summary>
    Entity,

    /// <summary>A message/rfc822 part whose message follows, up to the matching <see cref="LeaveMessage"/>.</summary>
    EnterMessage,

    LeaveMessage,

    /// <summary>A multipart or attached message nested too deep; its content is not walked.</summary>
    TooDeep,
}

internal readonly record struct WalkStep(WalkEvent Event, MimeEntity Entity, Multipart? Parent, int Index, int ForwardDepth);

/// <summary>
/// The one depth-first walk of a message that both parsing and <see cref="EmailParser.OpenAttachment"/> use, so a
/// part's index means the same thing to both. Iterative (no recursion), depth-bounded; the caller bounds the count.
/// </summary>
internal static class MimeWalk
{
    /// <summary>Multiparts and attached messages nested deeper than this are not walked.</summary>
    public const int MaxNestingDepth = 32;

    /// <summary>Messages attached inside attached messages are read down to this level.</summary>
    public const int MaxForwardDepth = 3;

    public static IEnumerable<WalkStep> Walk(MimeEntity? root)
    {
        if (root is null)
        {
            yield break;
        }

        var stack = new Stack<Frame>();
        stack.Push(new Frame(root, null, 0, 0, false));
        var index = 0;
        while (stack.Count > 0)
        {
            var frame = stack.Pop();
            if (frame.IsLeave)
            {
                yield return new WalkStep(WalkEvent.LeaveMessage, frame.Entity, frame.Parent, -1, frame.ForwardDepth);
                continue;
            }

            var step = new WalkStep(WalkEvent.Entity, frame.Entity, frame.Parent, index++, frame.ForwardDepth);
            yield return step;
            switch (frame.Entity)
            {
                case Multipart when frame.Depth >= MaxNestingDepth:
                    yield return step with { Event = WalkEvent.TooDeep };
                    break;
                case Multipart multipart:
                    for (var i = multipart.Count - 1; i >= 0; i--)
                    {
                        stack.Push(new Frame(multipart[i], multipart, frame.Depth + 1, frame.ForwardDepth, false));
                    }

                    break;
                case MessagePart { Message: { } attached } when frame.Entity is not TextRfc822Headers:
                    if (frame.ForwardDepth >= MaxForwardDepth || frame.Depth >= MaxNestingDepth)
                    {
                        yield return step with { Event = WalkEvent.TooDeep };
                        break;
                    }

                    yield return step with { Event = WalkEvent.EnterMessage };
                    stack.Push(new Frame(frame.Entity, frame.Parent, frame.Depth, frame.ForwardDepth, true));
                    if (attached.Body is { } body)
                    {
                        stack.Push(new Frame(body, null, frame.Depth + 1, frame.ForwardDepth + 1, false));
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private readonly record struct Frame(MimeEntity Entity, Multipart? Parent, int Depth, int ForwardDepth, bool IsLeave);
}
