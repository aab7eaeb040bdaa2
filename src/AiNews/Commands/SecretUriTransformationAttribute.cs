using System;
using System.Management.Automation;
using System.Net;
using System.Security;

namespace AiNews.Commands
{
    /// <summary>
    /// Lets a URL parameter that holds a secret (a webhook, whose path is its token) take a SecureString, as
    /// SecretManagement's Get-Secret returns it without -AsPlainText, besides a string or a Uri. The plain text
    /// exists only long enough to build the Uri.
    /// </summary>
    public sealed class SecretUriTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (!(value is SecureString secret)) return inputData;   // a string or Uri: PowerShell converts it as usual
            string text = new NetworkCredential(string.Empty, secret).Password;
            if (Uri.TryCreate(text?.Trim() ?? string.Empty, UriKind.Absolute, out Uri uri)) return uri;
            // The message must not echo the secret.
            throw new ArgumentTransformationMetadataException("The SecureString is not an absolute URL; store the webhook's full https:// address as the secret.");
        }
    }
}
