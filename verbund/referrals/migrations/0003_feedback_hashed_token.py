# The client's feedback link keeps only a digest of its secret and may be replaced, so the table is
# rebuilt: a plain-text token cannot be turned into a working digest, and there is no production
# data yet (development rows of unanswered links are dropped; they were only test links).

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('referrals', '0002_referral_partnership'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.DeleteModel(
            name='ReferralFeedback',
        ),
        migrations.CreateModel(
            name='ReferralFeedback',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('token_hash', models.CharField(editable=False, max_length=64, unique=True)),
                ('requested_at', models.DateTimeField(verbose_name='link created')),
                ('expires_at', models.DateTimeField(verbose_name='link expires')),
                ('rating', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='rating')),
                ('comment', models.TextField(blank=True, verbose_name='comment')),
                ('given_at', models.DateTimeField(blank=True, null=True, verbose_name='rated')),
                ('referral', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='feedback_requests', to='referrals.referral')),
                ('requested_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'client feedback',
                'verbose_name_plural': 'client feedback',
                'ordering': ['-requested_at', '-pk'],
                'constraints': [
                    models.CheckConstraint(condition=models.Q(('rating__isnull', True), models.Q(('rating__gte', 1), ('rating__lte', 5)), _connector='OR'), name='feedback_rating_1_to_5'),
                    models.UniqueConstraint(condition=models.Q(('given_at__isnull', False)), fields=('referral',), name='feedback_answered_once_per_referral'),
                ],
            },
        ),
    ]
