using System.Management.Automation;

namespace AiNews.Commands
{
    /// <summary>
    /// Refuses a parameter value that would go into an HTTP header with a control character in it: a CR or LF in
    /// -UserAgent would otherwise end the header and inject others ("X\r\nCookie: ..."). A parameter validation error
    /// (ParameterArgumentValidationError) stops the command before anything is sent.
    /// </summary>
    public sealed class ValidateHeaderValueAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            string value = arguments as string;
            if (value == null) return;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (char.IsControl(c))
                    throw new ValidationMetadataException(
                        $"The value contains the control character U+{(int)c:X4} at position {i + 1}; a header value must be one line of printable text.");
            }
        }
    }
}
